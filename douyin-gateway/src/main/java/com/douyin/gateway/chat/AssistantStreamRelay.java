package com.douyin.gateway.chat;

import com.douyin.api.message.AssistantStreamChannel;
import com.douyin.api.message.MessageDTO;
import com.douyin.gateway.json.MessageJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One streamed answer on its way to the client: the channel's events, which may arrive out of
 * order, go out as Server-Sent Events in the order of their {@code seq}; {@code done} completes it.
 */
final class AssistantStreamRelay {

    private static final ObjectMapper PROVIDER_JSON = new ObjectMapper();

    private final SseEmitter emitter;
    private final TreeMap<Integer, JsonNode> early = new TreeMap<>();
    private int next;

    AssistantStreamRelay(SseEmitter emitter) {
        this.emitter = emitter;
    }

    synchronized void accept(String json) {
        try {
            JsonNode event = PROVIDER_JSON.readTree(json);
            early.put(event.path("seq").asInt(), event);
            while (early.containsKey(next)) {
                send(early.remove(next++));
            }
        } catch (IOException | IllegalStateException clientGone) {
            emitter.completeWithError(clientGone);
        }
    }

    private void send(JsonNode event) throws IOException {
        if (AssistantStreamChannel.DELTA.equals(event.path("type").asText())) {
            emitter.send(SseEmitter.event().name(AssistantStreamChannel.DELTA).data(Map.of("text", event.path("text").asText())));
        } else if (AssistantStreamChannel.DONE.equals(event.path("type").asText())) {
            MessageDTO stored = PROVIDER_JSON.treeToValue(event.path("message"), MessageDTO.class);
            emitter.send(SseEmitter.event().name(AssistantStreamChannel.DONE).data(Map.of("message", MessageJson.of(stored))));
            emitter.complete();
        }
    }
}
