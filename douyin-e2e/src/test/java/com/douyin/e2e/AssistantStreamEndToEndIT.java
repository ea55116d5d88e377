package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.http;
import static com.douyin.e2e.ApiClient.json;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /douyin/message/sse/ through the gateway: the assistant's answer as Server-Sent Events
 * (delta events, then done with the stored message), and the chat keeps both messages. The local
 * system has no model configured, so the answer is the assistant's fixed reply in one piece; the
 * piece-by-piece streaming of a model is AssistantIT's (message provider, a local chat API).
 */
@ExtendWith(DouyinSystem.class)
class AssistantStreamEndToEndIT {

    private static final long ASSISTANT = 1;

    /** The events of an SSE body: name and data of each. */
    private static List<String[]> events(String body) {
        List<String[]> events = new ArrayList<>();
        String name = "message";
        for (String line : body.split("\n")) {
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                events.add(new String[] {name, line.substring(5).strip()});
                name = "message";
            }
        }
        return events;
    }

    @Test
    void theAnswerStreamsAsEventsAndIsStoredInTheChat() throws Exception {
        ApiClient.Account me = newAccount();
        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(URI.create(DouyinSystem.API + "/douyin/message/sse/"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(form("token", me.token(), "content", "hello, assistant"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");

        List<String[]> events = events(streamed.body());
        assertThat(events).as(streamed.body()).isNotEmpty();
        StringBuilder answer = new StringBuilder();
        for (String[] event : events.subList(0, events.size() - 1)) {
            assertThat(event[0]).isEqualTo("delta");
            answer.append(json.readTree(event[1]).get("text").asText());
        }
        String[] done = events.get(events.size() - 1);
        assertThat(done[0]).isEqualTo("done");
        JsonNode stored = json.readTree(done[1]).get("message");
        assertThat(stored.get("from_user_id").asLong()).isEqualTo(ASSISTANT);
        assertThat(stored.get("to_user_id").asLong()).isEqualTo(me.id());
        assertThat(stored.get("content").asText()).isEqualTo(answer.toString().strip()).isNotBlank();

        JsonNode chat = ok(get("/douyin/message/chat/?token=" + me.token() + "&to_user_id=" + ASSISTANT)).get("message_list");
        assertThat(chat).extracting(m -> m.get("content").asText()).containsExactly("hello, assistant", stored.get("content").asText());
        assertThat(chat.get(1).get("id").asLong()).isEqualTo(stored.get("id").asLong());
    }

    /** A POST as an EventSource-style client sends it: accepting event streams only. */
    private static HttpResponse<String> askAsEventSource(String formBody) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(DouyinSystem.API + "/douyin/message/sse/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEmptyQuestionOrNoTokenIsAnsweredAsJsonBeforeAnyEvent() throws Exception {
        ApiClient.Account me = newAccount();
        assertThat(ok(askAsEventSource(form("token", me.token(), "content", "  "))).get("status_code").asInt()).isEqualTo(40002);
        assertThat(ok(askAsEventSource(form("content", "hi"))).get("status_code").asInt()).isEqualTo(10101);
        assertThat(ok(post("/douyin/message/sse/", form("content", "hi"))).get("status_code").asInt()).isEqualTo(10101);
    }
}
