package com.douyin.gateway.chat;

import com.douyin.api.message.AssistantStreamChannel;
import com.douyin.api.message.MessageDTO;
import com.douyin.gateway.json.MessageJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One streamed answer on its way to the client: the channel's events, which may arrive out of
 * order, go out as Server-Sent Events in the order of their {@code seq}; {@code done} completes
 * it (if a piece is still missing then, what waits behind it goes 2 s later).
 */
final class AssistantStreamRelay {

    private static final ObjectMapper PROVIDER_JSON = new ObjectMapper();

    /** How long done waits for a piece that has not arrived. */
    private static final long LATE_PIECE_WAIT_MS = 2_000;

    private final SseEmitter emitter;
    private final ScheduledExecutorService lateness;
    private final TreeMap<Integer, JsonNode> early = new TreeMap<>();
    private int next;

    AssistantStreamRelay(SseEmitter emitter, ScheduledExecutorService lateness) {
        this.emitter = emitter;
        this.lateness = lateness;
    }

    /** Sends whatever still waits, in order, done last (which ends the stream). */
    private synchronized void flush() {
        try {
            for (JsonNode waiting : early.values()) {
                send(waiting);
            }
            early.clear();
        } catch (IOException | IllegalStateException clientGone) {
            emitter.completeWithError(clientGone);
        }
    }

    synchronized void accept(String json) {
        try {
            JsonNode event = PROVIDER_JSON.readTree(json);
            early.put(event.path("seq").asInt(), event);
            while (early.containsKey(next)) {
                send(early.remove(next++));
            }
            if (AssistantStreamChannel.DONE.equals(event.path("type").asText()) && !early.isEmpty()) {
                // A piece is missing: late, or lost (publishing is best effort). Give it a moment,
                // then send what waits and end; the stored message is whole in any case.
                lateness.schedule(this::flush, LATE_PIECE_WAIT_MS, TimeUnit.MILLISECONDS);
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
