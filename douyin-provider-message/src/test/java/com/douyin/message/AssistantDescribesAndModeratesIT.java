package com.douyin.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.video.VideoDTO;
import com.douyin.common.storage.ObjectStore;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import com.douyin.api.comment.CommentDTO;
import com.douyin.message.assistant.AssistantProperties;
import com.douyin.message.moderation.CommentModerator;
import com.douyin.message.moderation.ModeratedComments;
import com.douyin.message.summary.DescribedVideos;
import com.douyin.message.summary.VideoDescriber;
import com.douyin.message.summary.VideoSummaries;
import com.douyin.message.summary.VideoSummaryProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The assistant describing published videos and moderating comments, against a local server that
 * speaks the OpenAI API (chat completions and, when the test lets it, audio transcriptions), with
 * the machine's real Redis and the local object store. The video and comment providers are
 * replaced by what they were asked ({@link Recorded}); their side is VideoServiceIT's and
 * CommentServiceIT's.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "douyin.daily-picks.enabled=false",
        "douyin.assistant.video-summaries.enabled=false", // no consumers: the tests call VideoSummaries themselves
        "douyin.assistant.moderation.enabled=false",
        "dubbo.registry.address=nacos://127.0.0.1:8848",
        "dubbo.registry.register=false",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + "douyin_it_message" + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=1",
        "douyin.storage.local-root=target/it-objects",
        "douyin.assistant.user-id=1",
        "douyin.assistant.api-key=test-key",
        "douyin.assistant.model=test-model",
        "douyin.assistant.timeout=2s",
        "douyin.assistant.calls-per-day=3", // only the allowance test reaches it (each test has its own author)
})
class AssistantDescribesAndModeratesIT {

    private static final long ASSISTANT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConcurrentLinkedQueue<String> asked = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger transcriptions = new AtomicInteger();
    private static final AtomicBoolean transcribes = new AtomicBoolean();
    private static HttpServer modelApi;

    @DynamicPropertySource
    static void callerKey(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next);
        LocalNacos.signInDubboRegistry(registry);
    }

    /**
     * The model: a comment holding "stupid" is abusive; a title holding "insult" is abusive; "ramble" gets prose around the JSON; "nonsense"
     * gets no JSON at all; otherwise the summary repeats the title (and the speech, when sent).
     */
    @DynamicPropertySource
    static void modelApi(DynamicPropertyRegistry registry) throws IOException {
        modelApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        modelApi.createContext("/v1/chat/completions", exchange -> {
            JsonNode turns = JSON.readTree(exchange.getRequestBody()).get("messages");
            String about = turns.get(turns.size() - 1).get("content").asText();
            asked.add(about);
            if (turns.get(0).get("content").asText().startsWith("You moderate comments")) {
                String verdict = about.contains("stupid") ? "{\"abusive\": true}" : "Here: {\"abusive\": false}";
                answer(exchange, 200, JSON.createObjectNode().set("choices", JSON.createArrayNode().add(
                        JSON.createObjectNode().set("message", JSON.createObjectNode().put("role", "assistant").put("content", verdict)))));
                return;
            }
            String title = about.lines().findFirst().orElse("").replaceFirst("^Title: ", "");
            String speech = about.contains("\nSpeech: ") ? about.substring(about.indexOf("\nSpeech: ") + 9) : "";
            String description = JSON.writeValueAsString(JSON.createObjectNode()
                    .put("summary", "A video about " + title + (speech.isEmpty() ? "" : " where someone says " + speech) + ".")
                    .put("abusive", title.contains("insult"))
                    .set("keywords", JSON.valueToTree(List.of("cooking", "sport", "pasta", "dinner", "kitchen", "sixth one"))));
            String content = title.contains("nonsense") ? "I cannot help with that."
                    : title.contains("ramble") ? "Sure! Here it is:\n```json\n" + description + "\n```\nEnjoy." : description;
            answer(exchange, 200, JSON.createObjectNode().set("choices", JSON.createArrayNode().add(
                    JSON.createObjectNode().set("message", JSON.createObjectNode().put("role", "assistant").put("content", content)))));
        });
        modelApi.createContext("/v1/audio/transcriptions", exchange -> {
            byte[] form = exchange.getRequestBody().readAllBytes();
            if (!transcribes.get()) {
                answer(exchange, 404, JSON.createObjectNode().put("error", "not found"));
                return;
            }
            transcriptions.incrementAndGet();
            String body = new String(form, StandardCharsets.ISO_8859_1);
            // The file's bytes came along in the form, under the model's name.
            boolean complete = body.contains("name=\"model\"\r\n\r\nwhisper-1") && body.contains("FAKE-MP4-BYTES");
            answer(exchange, 200, JSON.createObjectNode().put("text", complete ? "hello from the kitchen" : "the file was missing"));
        });
        modelApi.setExecutor(Executors.newCachedThreadPool());
        modelApi.start();
        registry.add("douyin.assistant.base-url", () -> "http://127.0.0.1:" + modelApi.getAddress().getPort() + "/v1");
    }

    private static void answer(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] body = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterAll
    static void stopModelApi() {
        modelApi.stop(0);
    }

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate("douyin_it_message");
    }

    /** What the video and comment providers were asked, and the videos they know. */
    static final class Recorded implements DescribedVideos, ModeratedComments {
        final Map<Long, VideoDTO> videos = new ConcurrentHashMap<>();
        final Map<Long, List<String>> keywords = new ConcurrentHashMap<>();
        final Map<Long, Boolean> abusive = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> comments = new ConcurrentLinkedQueue<>();
        final AtomicInteger commentFailures = new AtomicInteger();
        /** Comments whose rows are written (only those can be masked), and those masked. */
        final Set<Long> rows = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<Long> masked = new ConcurrentLinkedQueue<>();

        @Override
        public boolean mask(long videoId, long commentId) {
            if (!rows.contains(commentId)) {
                return false;
            }
            masked.add(commentId);
            return true;
        }

        @Override
        public VideoDTO find(long videoId) {
            return videos.get(videoId);
        }

        @Override
        public boolean describe(long videoId, List<String> words, boolean abusiveTitle) {
            keywords.put(videoId, words);
            abusive.put(videoId, abusiveTitle);
            return videos.containsKey(videoId);
        }

        @Override
        public void comment(long assistantId, long videoId, String text) {
            if (commentFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the comment provider is out");
            }
            comments.add(assistantId + "@" + videoId + ": " + text);
        }
    }

    @TestConfiguration
    static class Providers {
        @Bean
        @Primary
        Recorded recorded() {
            return new Recorded();
        }
    }

    @Autowired VideoSummaries summaries;
    @Autowired Recorded providers;
    @Autowired ObjectStore store;
    @Autowired RedissonClient redisson;
    @Autowired AssistantProperties assistant;
    @Autowired VideoDescriber describer;
    @Autowired CommentModerator moderator;

    @BeforeEach
    void noTranscription() {
        transcribes.set(false);
    }

    private static long nextVideo = 5_000;

    private VideoDTO video(long authorId, String title) {
        long id = ++nextVideo;
        VideoDTO video = new VideoDTO(id, authorId, title, "", "videos/" + authorId + "/" + id + ".mp4", "", 0, 0, 0);
        providers.videos.put(id, video);
        return video;
    }

    /** The assistant's comments posted on the video (the providers' record is shared by the tests). */
    private List<String> commentsOn(VideoDTO video) {
        return providers.comments.stream().filter(comment -> comment.contains("@" + video.id() + ":")).toList();
    }

    @Test
    void theSummaryIsTheAssistantsCommentAndTheKeywordsGoToTheVideoOnce() throws Exception {
        VideoDTO video = video(501, "Pasta for two");
        summaries.summarize(video.id());
        summaries.summarize(video.id()); // a redelivered event

        assertThat(commentsOn(video)).containsExactly(ASSISTANT + "@" + video.id() + ": A video about Pasta for two.");
        assertThat(providers.keywords.get(video.id())).containsExactly("cooking", "sport", "pasta", "dinner", "kitchen");
        assertThat(providers.abusive.get(video.id())).isFalse();
        assertThat(asked.stream().filter(about -> about.equals("Title: Pasta for two"))).hasSize(1); // one model call
    }

    @Test
    void anAbusiveTitleIsReportedAndGetsNoSummary() throws Exception {
        VideoDTO video = video(502, "an insult to someone");
        summaries.summarize(video.id());

        assertThat(providers.abusive.get(video.id())).isTrue();
        assertThat(commentsOn(video)).isEmpty();
    }

    @Test
    void theSpeechIsTranscribedFromTheFileWhereTheApiOffersIt() throws Exception {
        transcribes.set(true);
        VideoDTO video = video(503, "Kitchen talk");
        byte[] file = "....ftypisom FAKE-MP4-BYTES ....".getBytes(StandardCharsets.ISO_8859_1);
        store.put(video.playKey(), new ByteArrayInputStream(file), file.length, "video/mp4");
        summaries.summarize(video.id());

        assertThat(transcriptions.get()).isPositive();
        assertThat(asked).contains("Title: Kitchen talk\nSpeech: hello from the kitchen");
        assertThat(providers.comments).contains(ASSISTANT + "@" + video.id() + ": A video about Kitchen talk where someone says hello from the kitchen.");
    }

    @Test
    void anApiWithoutSpeechToTextDescribesFromTheTitle() throws Exception {
        // A describer of its own: it remembers that the API does not transcribe, which the shared one must not.
        VideoSummaries withoutSpeech = new VideoSummaries(new VideoDescriber(assistant, new VideoSummaryProperties(true, "whisper-1"), store),
                providers, redisson, assistant);
        VideoDTO video = video(504, "Quiet video");
        byte[] file = "FAKE-MP4-BYTES".getBytes(StandardCharsets.ISO_8859_1);
        store.put(video.playKey(), new ByteArrayInputStream(file), file.length, "video/mp4");
        withoutSpeech.summarize(video.id());

        assertThat(asked).contains("Title: Quiet video");
        assertThat(providers.comments).contains(ASSISTANT + "@" + video.id() + ": A video about Quiet video.");
    }

    @Test
    void aFencedAnswerIsReadAndAnAnswerWithoutJsonPostsNothing() throws Exception {
        VideoDTO fenced = video(505, "ramble on");
        VideoDTO nonsense = video(505, "nonsense");
        summaries.summarize(fenced.id());
        summaries.summarize(nonsense.id());
        summaries.summarize(nonsense.id()); // not asked again

        assertThat(providers.comments).contains(ASSISTANT + "@" + fenced.id() + ": A video about ramble on.");
        assertThat(providers.keywords).doesNotContainKey(nonsense.id());
        assertThat(asked.stream().filter(about -> about.equals("Title: nonsense"))).hasSize(1);
    }

    @Test
    void aCommentThatFailedIsPostedByTheRedeliveryOnlyOnce() throws Exception {
        VideoDTO video = video(506, "Second try");
        providers.commentFailures.set(1);
        assertThatThrownBy(() -> summaries.summarize(video.id())).hasMessageContaining("comment provider is out");
        summaries.summarize(video.id()); // RocketMQ delivers the event again
        summaries.summarize(video.id());

        assertThat(commentsOn(video)).hasSize(1);
    }

    @Test
    void anAuthorBeyondTheirModelCallsGetsNoDescription() throws Exception {
        for (int k = 0; k < 3; k++) {
            summaries.summarize(video(507, "allowed " + k).id());
        }
        VideoDTO fourth = video(507, "one too many");
        summaries.summarize(fourth.id());

        assertThat(providers.keywords).doesNotContainKey(fourth.id());
        assertThat(asked).doesNotContain("Title: one too many");
    }

    @Test
    void withNoModelConfiguredNothingIsAskedOrPosted() throws Exception {
        AssistantProperties none = new AssistantProperties(ASSISTANT, "", "m", "", assistant.timeout(), 20, "", "", "", 10, 200, 100, "", "", "");
        VideoSummaries unconfigured = new VideoSummaries(new VideoDescriber(none, new VideoSummaryProperties(true, "whisper-1"), store),
                providers, redisson, none);
        VideoDTO video = video(508, "Nobody asks");
        unconfigured.summarize(video.id());

        assertThat(asked).doesNotContain("Title: Nobody asks");
        assertThat(providers.keywords).doesNotContainKey(video.id());
        assertThat(commentsOn(video)).isEmpty();
    }

    @Test
    void anAbusiveCommentIsMaskedOnceItsRowIsWrittenAndOthersAreLeft() throws Exception {
        CommentDTO abusive = new CommentDTO(7001, 42, 601, 0, "you are stupid", 0);
        CommentDTO fine = new CommentDTO(7002, 42, 601, 0, "nice video", 0);
        CommentDTO assistants = new CommentDTO(7003, 42, ASSISTANT, 0, "stupid is as stupid does", 0);
        assertThatThrownBy(() -> moderator.moderate(abusive)).hasMessageContaining("not in MySQL yet"); // its add is on its way
        providers.rows.add(abusive.id());
        moderator.moderate(abusive); // delivered again
        moderator.moderate(abusive); // and once more: not asked again
        moderator.moderate(fine);
        moderator.moderate(assistants);

        assertThat(providers.masked).containsExactly(abusive.id());
        assertThat(asked.stream().filter(text -> text.equals("you are stupid"))).hasSize(2); // the first try and the one that masked
        assertThat(asked).contains("nice video").doesNotContain("stupid is as stupid does");
    }
}
