package com.douyin.gateway.web;

import com.douyin.api.video.VideoDTO;
import com.douyin.gateway.json.FeedResponse;
import com.douyin.gateway.json.JsonParts;
import com.douyin.gateway.json.UserJson;
import com.douyin.gateway.json.VideoJsonMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A settled feed page held in this gateway, written as an anonymous viewer gets it: the JSON each
 * held video keeps ({@link HeldVideo}) joined inside the page's envelope, byte for byte what
 * Spring's JSON writer makes of the same {@link FeedResponse}. Writing a deep page's 30 videos and
 * authors (18 KB) anew was a fifth of the gateway's CPU per page; the parts now go out as they are.
 */
@Component
class AnonymousPageJson {

    private static final byte[] LIST_END = "]}".getBytes();
    private static final byte[] COMMA = {','};

    private final ObjectMapper clientJson;
    private final VideoJsonMapper videoJson;

    /** {@code clientJson}: Spring's mapper, which writes the client's snake_case. */
    AnonymousPageJson(@Qualifier("jacksonObjectMapper") ObjectMapper clientJson, VideoJsonMapper videoJson) {
        this.clientJson = clientJson;
        this.videoJson = videoJson;
        String empty = new String(bytes(new FeedResponse(0, "success", 0, "", List.of())));
        if (!empty.endsWith("[]}")) {
            throw new IllegalStateException("video_list is no longer the last field of a feed page: " + empty);
        }
    }

    JsonParts write(long nextTime, String nextCursor, FeedEntries.Held held) {
        // The envelope with an empty list ends in "[]}": the videos go between its brackets.
        byte[] envelope = bytes(new FeedResponse(0, "success", nextTime, nextCursor, List.of()));
        List<byte[]> parts = new ArrayList<>(2 * held.entries().size() + 2);
        parts.add(Arrays.copyOf(envelope, envelope.length - LIST_END.length));
        for (int i = 0; i < held.entries().size(); i++) {
            if (i > 0) {
                parts.add(COMMA);
            }
            parts.add(held.entries().get(i).anonymousJson(held.authors().get(i), this::videoBytes));
        }
        parts.add(LIST_END);
        return JsonParts.of(parts);
    }

    private byte[] videoBytes(VideoDTO video, UserJson author) {
        return bytes(videoJson.anonymous(video, author));
    }

    private byte[] bytes(Object value) {
        try {
            return clientJson.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A feed page could not be written as JSON", e);
        }
    }
}
