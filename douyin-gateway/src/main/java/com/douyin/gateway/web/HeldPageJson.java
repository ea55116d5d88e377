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
 * A feed page of videos held in this gateway: the JSON each held video keeps as an anonymous viewer
 * sees it ({@link HeldVideo}) joined inside the page's envelope, byte for byte what Spring's JSON
 * writer makes of the same {@link FeedResponse}. Writing a deep page's 30 videos and authors (18 KB)
 * anew was a fifth of the gateway's CPU per page; the parts now go out as they are. A viewer's page
 * is written so too, but for the videos the viewer likes or whose author they follow, written anew.
 */
@Component
class HeldPageJson {

    private static final byte[] LIST_END = "]}".getBytes();
    private static final byte[] COMMA = {','};

    private final ObjectMapper clientJson;
    private final VideoJsonMapper videoJson;

    /** {@code clientJson}: Spring's mapper, which writes the client's snake_case. */
    HeldPageJson(@Qualifier("jacksonObjectMapper") ObjectMapper clientJson, VideoJsonMapper videoJson) {
        this.clientJson = clientJson;
        this.videoJson = videoJson;
        String empty = new String(bytes(new FeedResponse(0, "success", 0, "", List.of())));
        if (!empty.endsWith("[]}")) {
            throw new IllegalStateException("video_list is no longer the last field of a feed page: " + empty);
        }
    }

    /** The page as nobody sees it. */
    JsonParts write(long nextTime, String nextCursor, FeedEntries.Held held) {
        return write(nextTime, nextCursor, held, VideoJsonMapper.Marks.NONE);
    }

    /** The page as the viewer whose {@code marks} these are sees it. */
    JsonParts write(long nextTime, String nextCursor, FeedEntries.Held held, VideoJsonMapper.Marks marks) {
        // The envelope with an empty list ends in "[]}": the videos go between its brackets.
        byte[] envelope = bytes(new FeedResponse(0, "success", nextTime, nextCursor, List.of()));
        List<byte[]> parts = new ArrayList<>(2 * held.entries().size() + 2);
        parts.add(Arrays.copyOf(envelope, envelope.length - LIST_END.length));
        for (int i = 0; i < held.entries().size(); i++) {
            if (i > 0) {
                parts.add(COMMA);
            }
            HeldVideo entry = held.entries().get(i);
            UserJson author = held.authors().get(i);
            parts.add(marks.differFromAnonymous(entry.video().id(), author.id())
                    ? bytes(marks.onto(videoJson.anonymous(entry.video(), author)))
                    : entry.anonymousJson(author, this::videoBytes));
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
