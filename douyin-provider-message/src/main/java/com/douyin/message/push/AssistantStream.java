package com.douyin.message.push;

import com.douyin.api.message.AssistantStreamChannel;
import com.douyin.api.message.MessageDTO;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes one streamed assistant answer on its channel ({@link AssistantStreamChannel}): the
 * pieces as they come, then the stored message. Best effort, like the chat push: a client that
 * loses the stream finds the whole answer in the chat.
 */
@Component
public class AssistantStream {

    private static final Logger log = LoggerFactory.getLogger(AssistantStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedissonClient redisson;

    public AssistantStream(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** Piece number {@code seq} (from 0). */
    public void piece(String streamId, int seq, String text) {
        publish(streamId, JSON.createObjectNode().put("seq", seq).put("type", AssistantStreamChannel.DELTA).put("text", text));
    }

    /** The end, after {@code seq} pieces. */
    public void done(String streamId, int seq, MessageDTO stored) {
        ObjectNode event = JSON.createObjectNode().put("seq", seq).put("type", AssistantStreamChannel.DONE);
        event.set("message", JSON.valueToTree(stored));
        publish(streamId, event);
    }

    private void publish(String streamId, ObjectNode event) {
        try {
            redisson.getTopic(AssistantStreamChannel.name(streamId), StringCodec.INSTANCE).publish(JSON.writeValueAsString(event));
        } catch (Exception e) {
            log.warn("Assistant stream {} lost a piece (the chat has the whole answer): {}", streamId, e.toString());
        }
    }
}
