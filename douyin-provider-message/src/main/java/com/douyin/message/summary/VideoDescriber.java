package com.douyin.message.summary;

import com.douyin.common.storage.ObjectStore;
import com.douyin.message.assistant.AssistantProperties;
import com.douyin.message.assistant.ChatCompletionClient;
import com.douyin.message.assistant.TranscriptionClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the assistant's model about a video: its title and, where the API transcribes
 * ({@link TranscriptionClient}) and the file is small enough, the speech of its audio, in; a
 * {@link VideoDescription} out. One chat call per video (and one transcription).
 */
@Component
public class VideoDescriber {

    static final String INSTRUCTIONS = """
            You describe short videos for a video app. From the video's title (and the speech in it, \
            if given) answer with one JSON object and nothing else: \
            {"summary": one sentence saying what the video is about, in the title's language, \
            "keywords": up to five single words or short phrases a viewer would search for, \
            "abusive": true if the title insults, harasses or threatens someone, or is hateful or obscene, else false}""";
    private static final Logger log = LoggerFactory.getLogger(VideoDescriber.class);

    private final AssistantProperties assistant;
    private final ObjectStore store;
    private final ChatCompletionClient chat;
    private final TranscriptionClient speech;

    public VideoDescriber(AssistantProperties assistant, VideoSummaryProperties properties, ObjectStore store) {
        this.assistant = assistant;
        this.store = store;
        this.chat = ChatCompletionClient.of(assistant);
        this.speech = properties.transcriptionModel().isBlank() ? null
                : new TranscriptionClient(assistant.baseUrl(), properties.transcriptionModel(), assistant.apiKey(), assistant.timeout());
    }

    /** Whether a model is configured at all (no key: nothing is asked, nothing is posted). */
    public boolean configured() {
        return assistant.configured();
    }

    /** The model's description; throws when the model cannot be reached or answers nothing usable. */
    public VideoDescription describe(String title, String playKey) throws IOException, InterruptedException {
        String speech = transcript(playKey).orElse("");
        String about = "Title: " + title + (speech.isBlank() ? "" : "\nSpeech: " + speech);
        return VideoDescription.parse(chat.ask(INSTRUCTIONS, about));
    }

    /**
     * The speech of the video's file, where the API transcribes and the file is at most
     * {@link TranscriptionClient#MAX_FILE_BYTES}; empty otherwise, and when the transcription
     * fails (the title alone still describes the video).
     */
    private Optional<String> transcript(String playKey) throws InterruptedException {
        if (speech == null || !speech.offered() || playKey.isEmpty()) {
            return Optional.empty();
        }
        try {
            OptionalLong size = store.size(playKey);
            if (size.isEmpty() || size.getAsLong() > TranscriptionClient.MAX_FILE_BYTES) {
                return Optional.empty();
            }
            byte[] media;
            try (InputStream in = store.get(playKey)) {
                media = in.readAllBytes();
            }
            return speech.transcribe(media, playKey.substring(playKey.lastIndexOf('/') + 1));
        } catch (IOException e) {
            log.warn("No transcript of {}, described from its title: {}", playKey, e.toString());
            return Optional.empty();
        }
    }
}
