package com.douyin.message.assistant;

import com.douyin.api.message.MessageDTO;
import com.douyin.common.text.MaskedStream;
import com.douyin.common.text.SensitiveText;
import com.douyin.message.push.AssistantStream;
import com.douyin.message.push.ChatPush;
import com.douyin.message.service.ChatStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The assistant account's side of its chats: after a user's message to it, the recent chat goes
 * to the chat API and the answer comes back as a message from the assistant, in the background
 * (the sender's request does not wait for the model). Not configured, slow or failing, the
 * assistant still answers, with a short message saying it cannot; the chat itself never breaks.
 */
@Component
public class AssistantReplies implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AssistantReplies.class);
    private static final int MAX_REPLY_CHARS = 1000; // the message column

    private final AssistantProperties properties;
    private final ChatStore chats;
    private final ChatPush push;
    private final AssistantStream stream;
    private final ChatCompletionClient client;
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "assistant-reply");
        t.setDaemon(true);
        return t;
    });

    public AssistantReplies(AssistantProperties properties, ChatStore chats, ChatPush push, AssistantStream stream) {
        this.properties = properties;
        this.chats = chats;
        this.push = push;
        this.stream = stream;
        this.client = new ChatCompletionClient(properties.baseUrl(), properties.model(), properties.apiKey(), properties.timeout());
    }

    public boolean isAssistant(long userId) {
        return userId == properties.userId();
    }

    public long assistantId() {
        return properties.userId();
    }

    public void answerLater(long userId) {
        workers.execute(() -> answer(userId));
    }

    /**
     * The same answer, streamed on {@code streamId}'s channel as the model writes it (a reply the
     * assistant gives without the model, not configured or failing, is one piece). The pieces
     * are masked as one text ({@link MaskedStream}), as the stored message is.
     */
    public void answerStreamingLater(long userId, String streamId) {
        workers.execute(() -> {
            StringBuilder streamed = new StringBuilder();
            MaskedStream masked = new MaskedStream();
            int[] pieces = {0};
            Consumer<String> send = piece -> {
                if (!piece.isEmpty()) {
                    stream.piece(streamId, pieces[0]++, piece);
                }
            };
            String text = think(userId, piece -> {
                streamed.append(piece);
                send.accept(masked.append(piece));
            });
            send.accept(masked.finish());
            if (!text.equals(streamed.toString().strip())) {
                send.accept(text); // not from the model (not configured, failed): one piece
            }
            MessageDTO reply = store(userId, text);
            stream.done(streamId, pieces[0], reply);
        });
    }

    void answer(long userId) {
        store(userId, think(userId, null));
    }

    private MessageDTO store(long userId, String text) {
        MessageDTO reply = chats.store(properties.userId(), userId, limit(SensitiveText.mask(text)));
        push.announce(reply);
        return reply;
    }

    /** The answer to the user's chat; {@code onPiece}, if given, gets it piece by piece from the model. */
    private String think(long userId, Consumer<String> onPiece) {
        if (!properties.configured()) {
            return properties.notConfiguredReply();
        }
        try {
            return onPiece == null ? client.complete(conversation(userId)) : client.stream(conversation(userId), onPiece);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("The assistant could not answer user {}: {}", userId, e.toString());
            return properties.failureReply();
        }
    }

    private List<ChatCompletionClient.Turn> conversation(long userId) {
        List<ChatCompletionClient.Turn> turns = new ArrayList<>();
        turns.add(new ChatCompletionClient.Turn("system", properties.systemPrompt()));
        for (MessageDTO message : chats.latest(userId, properties.userId(), properties.history())) {
            turns.add(new ChatCompletionClient.Turn(isAssistant(message.fromUserId()) ? "assistant" : "user", message.content()));
        }
        return turns;
    }

    private static String limit(String text) {
        return text.codePointCount(0, text.length()) <= MAX_REPLY_CHARS ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_REPLY_CHARS - 1)) + "…";
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }
}
