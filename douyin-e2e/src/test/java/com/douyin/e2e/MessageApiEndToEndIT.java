package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.json;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.Launcher;
import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Chat through the gateway: sending, polling, the live push, the assistant. */
@ExtendWith(DouyinSystem.class)
class MessageApiEndToEndIT {

    private static JsonNode send(Account from, long toUserId, String content) throws Exception {
        return ok(post("/douyin/message/action/", form("token", from.token(), "to_user_id", Long.toString(toUserId),
                "action_type", "1", "content", content)));
    }

    private static JsonNode chat(Account who, long peerId, long preMsgTime) throws Exception {
        return ok(get("/douyin/message/chat/?token=" + who.token() + "&to_user_id=" + peerId + "&pre_msg_time=" + preMsgTime))
                .get("message_list");
    }

    /**
     * Two users send 200 messages at once while a third client polls the chat the way the app
     * does (after the create_time of the last message it holds): the poller sees every message
     * exactly once, in time order, and the chat holds all 200 in strictly increasing time.
     */
    @Test
    void aPollingClientSeesEveryMessageOnceInOrderAcross200Messages() throws Exception {
        Account a = newAccount();
        Account b = newAccount();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Account from = t % 2 == 0 ? a : b;
            long to = t % 2 == 0 ? b.id() : a.id();
            int thread = t;
            sent.add(senders.submit(() -> {
                for (int n = 0; n < 50; n++) {
                    assertThat(send(from, to, "m" + thread + "-" + n).get("status_code").asInt()).isZero();
                }
                return null;
            }));
        }
        List<String> polled = new ArrayList<>();
        long last = 0;
        long previousTime = 0;
        for (long deadline = System.currentTimeMillis() + 60_000; polled.size() < 200 && System.currentTimeMillis() < deadline; ) {
            for (JsonNode message : chat(b, a.id(), last)) {
                long time = message.get("create_time").asLong();
                assertThat(time).as("oldest first, strictly after the last one").isGreaterThan(previousTime);
                previousTime = time;
                polled.add(message.get("content").asText());
                last = time;
            }
            Thread.sleep(20);
        }
        for (Future<?> f : sent) {
            f.get();
        }
        senders.shutdown();
        assertThat(polled).hasSize(200).doesNotHaveDuplicates();

        JsonNode all = chat(a, b.id(), 0);
        assertThat(all).hasSize(200);
        for (int t = 0; t < 4; t++) { // each sender's messages in the order it sent them
            List<Integer> order = new ArrayList<>();
            for (JsonNode m : all) {
                String content = m.get("content").asText();
                if (content.startsWith("m" + t + "-")) order.add(Integer.parseInt(content.substring(content.indexOf('-') + 1)));
            }
            assertThat(order).isSorted().hasSize(50);
        }
        JsonNode first = all.get(0);
        assertThat(first.get("id").asLong()).isPositive();
        assertThat(first.has("to_user_id") && first.has("from_user_id")).isTrue();
        long middle = all.get(99).get("create_time").asLong();
        assertThat(chat(a, b.id(), middle)).hasSize(100);
        assertThat(chat(a, b.id(), all.get(199).get("create_time").asLong())).isEmpty();
    }

    /** A WebSocket client of the chat push, collecting the messages it is pushed. */
    private static WebSocket connect(String gateway, Account who, LinkedBlockingQueue<String> received) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://" + gateway + "/douyin/message/ws/?token=" + who.token()), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received.add(text.toString());
                            text.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
    }

    /**
     * The receiver has two devices, one connected to each of two gateway instances; the message
     * is sent through a third connection (HTTP to the first gateway). Both devices are pushed it
     * within a second, whichever instance they are connected to.
     */
    @Test
    void connectedClientsOnEveryGatewayInstanceArePushedANewMessageWithinASecond() throws Exception {
        Account sender = newAccount();
        Account receiver = newAccount();
        Launcher.run("start gateway 8081", "e2e-launcher", Duration.ofMinutes(3));
        LinkedBlockingQueue<String> onFirst = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> onSecond = new LinkedBlockingQueue<>();
        WebSocket first = connect("127.0.0.1:8080", receiver, onFirst);
        WebSocket second = connect("127.0.0.1:8081", receiver, onSecond);
        try {
            Thread.sleep(300); // each gateway registers its connection after the handshake
            long sentAt = System.nanoTime();
            assertThat(send(sender, receiver.id(), "are you there?").get("status_code").asInt()).isZero();
            String pushedThere = onSecond.poll(1, TimeUnit.SECONDS);
            String pushedHere = onFirst.poll(1, TimeUnit.SECONDS);
            assertThat(pushedThere).as("pushed by the other gateway within 1 s").isNotNull();
            assertThat(pushedHere).as("pushed by this gateway within 1 s").isNotNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt)).isLessThan(2_000);
            JsonNode message = json.readTree(pushedThere);
            assertThat(message.get("content").asText()).isEqualTo("are you there?");
            assertThat(message.get("from_user_id").asLong()).isEqualTo(sender.id());
            assertThat(message.get("to_user_id").asLong()).isEqualTo(receiver.id());
            assertThat(message.get("create_time").asLong()).isEqualTo(chat(receiver, sender.id(), 0).get(0).get("create_time").asLong());
            assertThat(json.readTree(pushedHere)).isEqualTo(message);
        } finally {
            first.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            second.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            Launcher.run("stop gateway-8081", "e2e-launcher", Duration.ofMinutes(1));
        }
    }

    /** A chat socket of {@code token} that completes {@code closed} with the close code it is sent. */
    private static WebSocket connectWatchingClose(String token, CompletableFuture<Integer> closed) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:8080/douyin/message/ws/?token=" + token), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aLogoutEndsTheSessionAndClosesItsChatSocket() throws Exception {
        Account who = newAccount();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        connectWatchingClose(who.token(), closed);
        Thread.sleep(300); // the gateway registers the connection after the handshake

        assertThat(ok(post("/douyin/user/logout/", form("token", who.token()))).get("status_msg").asText()).isEqualTo("Logged out.");
        assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        JsonNode refused = json.readTree(get("/douyin/user/?user_id=" + who.id() + "&token=" + who.token()).body());
        assertThat(refused.get("status_code").asInt()).as("the logged-out token is refused").isNotZero();
    }

    @Test
    void aPasswordChangeOnOneDeviceClosesTheChatSocketOfTheOther() throws Exception {
        String name = ApiClient.newName();
        JsonNode phone = ApiClient.register(name, "secret123");
        JsonNode laptop = ok(post("/douyin/user/login/", form("username", name, "password", "secret123")));
        CompletableFuture<Integer> laptopClosed = new CompletableFuture<>();
        CompletableFuture<Integer> phoneClosed = new CompletableFuture<>();
        connectWatchingClose(laptop.get("token").asText(), laptopClosed);
        WebSocket phoneSocket = connectWatchingClose(phone.get("token").asText(), phoneClosed);
        Thread.sleep(300);

        ok(post("/douyin/user/update/", form("token", phone.get("token").asText(), "old_password", "secret123", "new_password", "newsecret1")));
        // Found by the gateway's sweep (every 5 s) once its 5 s memory of the session's state has passed.
        assertThat(laptopClosed.get(20, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(phoneClosed).as("the device that changed the password stays connected").isNotDone();
        phoneSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void aSocketWithABadTokenIsClosed() throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:8080/douyin/message/ws/?token=not-a-token"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008); // policy violation
    }

    @Test
    void badMessagesAreRefusedAndSensitiveWordsMasked() throws Exception {
        Account me = newAccount();
        Account friend = newAccount();
        assertThat(send(me, me.id(), "hello me").get("status_msg").asText()).contains("yourself");
        assertThat(send(me, 987654321L, "hello?").get("status_msg").asText()).contains("does not exist");
        assertThat(send(me, friend.id(), "   ").get("status_code").asInt()).isNotZero();
        assertThat(send(me, friend.id(), "x".repeat(1001)).get("status_code").asInt()).isNotZero();
        assertThat(ok(post("/douyin/message/action/", form("token", me.token(), "to_user_id", Long.toString(friend.id()),
                "action_type", "2", "content", "hi"))).get("status_code").asInt()).isNotZero();
        assertThat(ok(get("/douyin/message/chat/?to_user_id=" + friend.id())).get("status_msg").asText()).contains("log in");
        assertThat(chat(me, friend.id(), 0)).isEmpty();

        assertThat(send(me, friend.id(), "fuck this").get("status_code").asInt()).isZero();
        assertThat(chat(friend, me.id(), 0).get(0).get("content").asText()).doesNotContain("fuck").endsWith(" this");
    }

    /** The test system has no chat API key: the assistant answers that it is not set up. */
    @Test
    void theAssistantAnswersEvenWhenItIsNotSetUp() throws Exception {
        Account me = newAccount();
        assertThat(send(me, RelationApiEndToEndIT.ASSISTANT, "what should I watch?").get("status_code").asInt()).isZero();
        JsonNode chat = chat(me, RelationApiEndToEndIT.ASSISTANT, 0);
        for (long deadline = System.currentTimeMillis() + 10_000; chat.size() < 2 && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(200);
            chat = chat(me, RelationApiEndToEndIT.ASSISTANT, 0);
        }
        assertThat(chat).hasSize(2);
        assertThat(chat.get(1).get("from_user_id").asLong()).isEqualTo(RelationApiEndToEndIT.ASSISTANT);
        assertThat(chat.get(1).get("content").asText()).contains("not set up");
        Set<Long> ids = new HashSet<>();
        chat.forEach(m -> ids.add(m.get("id").asLong()));
        assertThat(ids).hasSize(2);
    }
}
