package com.douyin.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.message.AssistantStreamChannel;
import com.douyin.api.message.MessageDTO;
import com.douyin.api.message.MessageService;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import com.douyin.common.text.SensitiveText;
import com.douyin.message.assistant.AssistantProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The assistant account against a local server that speaks the OpenAI chat API (the hosted
 * models cannot be reached from here), with the machine's real MariaDB and Redis. The server
 * answers "echo: " + the last user message, or fails the way real ones do: too slow, or HTTP 500.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "douyin.daily-picks.enabled=false",
        "douyin.assistant.video-summaries.enabled=false", // no consumers of the broker's events here (VideoSummariesIT,
        "douyin.assistant.moderation.enabled=false", // CommentModeratorIT)
        // A registry for the user provider's reference (never called here: only the assistant is
        // written to), without registering this test as a provider of the running system.
        "dubbo.registry.address=nacos://127.0.0.1:8848",
        "dubbo.registry.register=false",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + "douyin_it_message" + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=1",
        "douyin.assistant.user-id=1",
        "douyin.assistant.api-key=test-key",
        "douyin.assistant.model=test-model",
        "douyin.assistant.timeout=1s",
        "douyin.assistant.calls-per-day=4", // a per-user budget only the test below reaches
})
class AssistantIT {

    private static final long ASSISTANT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ConcurrentLinkedQueue<JsonNode> requests = new ConcurrentLinkedQueue<>();
    private static final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();
    private static HttpServer chatApi;

    /** The installation's Dubbo caller key (CallerKey): every service refuses to start without one. */
    @DynamicPropertySource
    static void callerKey(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next);
        LocalNacos.signInDubboRegistry(registry); // Nacos lets only its accounts subscribe
    }

    @Autowired MessageService messages;
    @Autowired RedissonClient redisson;
    @Autowired AssistantProperties assistant;

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate("douyin_it_message");
    }

    @DynamicPropertySource
    static void chatApi(DynamicPropertyRegistry registry) throws IOException {
        chatApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        chatApi.createContext("/v1/chat/completions", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode turns = request.get("messages");
            String last = turns.get(turns.size() - 1).get("content").asText();
            try {
                if (last.equals("be slow")) {
                    Thread.sleep(3_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (request.path("stream").asBoolean()) {
                streamAnswer(exchange, "echo: " + last);
                return;
            }
            byte[] body = last.equals("fail")
                    ? "{\"error\":{\"message\":\"overloaded\"}}".getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(JSON.createObjectNode().set("choices", JSON.createArrayNode().add(
                            JSON.createObjectNode().set("message", JSON.createObjectNode()
                                    .put("role", "assistant").put("content", "echo: " + last)))));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(last.equals("fail") ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // A thread per request, as a real model API: with the server's one dispatcher thread, "be
        // slow" held up the next questions for its 3 s, and on a busy machine they timed out too.
        chatApi.setExecutor(Executors.newCachedThreadPool());
        chatApi.start();
        registry.add("douyin.assistant.base-url", () -> "http://127.0.0.1:" + chatApi.getAddress().getPort() + "/v1");
    }

    /** The answer as the OpenAI API streams it: a data line per piece (here, per word), then [DONE]. */
    private static void streamAnswer(HttpExchange exchange, String answer) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (var out = exchange.getResponseBody()) {
            for (String piece : answer.split("(?<= )")) {
                String chunk = JSON.writeValueAsString(JSON.createObjectNode().set("choices", JSON.createArrayNode().add(
                        JSON.createObjectNode().set("delta", JSON.createObjectNode().put("content", piece)))));
                out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void stopChatApi() {
        chatApi.stop(0);
    }

    /** Sends and waits for the assistant's answer (the chat grows by two); answers the chat. */
    private List<MessageDTO> ask(long userId, String text) throws InterruptedException {
        int before = messages.chat(userId, ASSISTANT, 0, 1000).size();
        messages.send(userId, ASSISTANT, text);
        List<MessageDTO> chat = messages.chat(userId, ASSISTANT, 0, 1000);
        for (long deadline = System.currentTimeMillis() + 10_000; chat.size() < before + 2 && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(100);
            chat = messages.chat(userId, ASSISTANT, 0, 1000);
        }
        assertThat(chat).hasSize(before + 2);
        return chat;
    }

    @Test
    void theModelsAnswerComesBackAsAMessageWithTheChatSentAlong() throws Exception {
        long user = 9001;
        List<MessageDTO> chat = ask(user, "hello");
        MessageDTO answer = chat.get(1);
        assertThat(answer.fromUserId()).isEqualTo(ASSISTANT);
        assertThat(answer.toUserId()).isEqualTo(user);
        assertThat(answer.content()).isEqualTo("echo: hello");
        assertThat(answer.createTime()).isGreaterThan(chat.get(0).createTime());

        ask(user, "and again");
        JsonNode request = requests.stream().filter(r -> r.get("messages").toString().contains("and again")).findFirst().orElseThrow();
        assertThat(request.get("model").asText()).isEqualTo("test-model");
        JsonNode turns = request.get("messages");
        assertThat(turns.get(0).get("role").asText()).isEqualTo("system");
        assertThat(turns).extracting(t -> t.get("role").asText() + ":" + t.get("content").asText())
                .containsSubsequence("user:hello", "assistant:echo: hello", "user:and again");
        assertThat(authorizations).contains("Bearer test-key");
    }

    @Test
    void aStreamedAnswerComesPieceByPieceOnItsChannelThenAsOneStoredMessage() throws Exception {
        long user = 9003;
        String streamId = UUID.randomUUID().toString();
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        RTopic channel = redisson.getTopic(AssistantStreamChannel.name(streamId), StringCodec.INSTANCE);
        channel.addListener(String.class, (name, json) -> {
            try {
                events.add(JSON.readTree(json));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        String asked = "tell me many words: one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
        MessageDTO question = messages.askAssistant(user, asked, streamId);
        assertThat(question.toUserId()).isEqualTo(ASSISTANT);
        // Listeners may get them out of order: "seq" puts them back; "done" is the last.
        TreeMap<Integer, JsonNode> bySeq = new TreeMap<>();
        JsonNode polled;
        while ((polled = events.poll(10, TimeUnit.SECONDS)) != null) {
            bySeq.put(polled.get("seq").asInt(), polled);
            if (!bySeq.isEmpty() && bySeq.lastEntry().getValue().get("type").asText().equals("done")
                    && bySeq.size() == bySeq.lastKey() + 1) {
                break;
            }
        }
        List<JsonNode> ordered = new ArrayList<>(bySeq.values());
        assertThat(ordered).isNotEmpty();
        JsonNode event = ordered.remove(ordered.size() - 1);
        assertThat(ordered).extracting(e -> e.get("type").asText()).containsOnly("delta");
        List<String> pieces = ordered.stream().map(e -> e.get("text").asText()).toList();
        assertThat(String.join("", pieces)).isEqualTo("echo: " + asked);
        // Passed on as the model writes, but the tail that a sensitive word could still reach
        // (SensitiveText.longestWord() - 1 characters) waits for the end of the answer.
        assertThat(pieces).hasSizeGreaterThan(2);
        assertThat(pieces.get(pieces.size() - 1)).hasSize(SensitiveText.longestWord() - 1);
        assertThat(event.get("type").asText()).isEqualTo("done");
        assertThat(event.get("message").get("content").asText()).isEqualTo("echo: " + asked);
        List<MessageDTO> chat = messages.chat(user, ASSISTANT, 0, 10);
        assertThat(chat).extracting(MessageDTO::content).containsExactly(asked, "echo: " + asked);
        assertThat(event.get("message").get("id").asLong()).isEqualTo(chat.get(1).id());
        assertThat(requests).anyMatch(r -> r.path("stream").asBoolean());
    }

    @Test
    void aUserPastTheDaysBudgetIsAnsweredWithoutTheModel() throws Exception {
        long user = 9004;
        for (int i = 1; i <= 4; i++) {
            assertThat(ask(user, "question " + i).get(2 * i - 1).content()).isEqualTo("echo: question " + i);
        }
        List<MessageDTO> chat = ask(user, "question 5");
        assertThat(chat.get(9).content()).isEqualTo(assistant.dayUsedUpReply());
        assertThat(requests).as("the model never saw the fifth question")
                .noneMatch(r -> r.get("messages").toString().contains("question 5"));
        assertThat(ask(9005, "another user").get(1).content()).as("others are not limited").isEqualTo("echo: another user");
    }

    @Test
    void aSlowOrFailingModelGetsAPoliteAnswerAndTheChatGoesOn() throws Exception {
        long user = 9002;
        List<MessageDTO> chat = ask(user, "be slow");
        assertThat(chat.get(1).fromUserId()).isEqualTo(ASSISTANT);
        assertThat(chat.get(1).content()).startsWith("Sorry");
        chat = ask(user, "fail");
        assertThat(chat.get(3).content()).startsWith("Sorry");
        chat = ask(user, "still there?");
        assertThat(chat.get(5).content()).isEqualTo("echo: still there?");
        assertThat(chat).extracting(MessageDTO::createTime).isSorted().doesNotHaveDuplicates();
    }
}
