package com.douyin.api.message;

/**
 * The Redis pub/sub channel on which the message provider announces every stored message (the
 * JSON of {@link MessageDTO}), and on which every gateway instance listens to push it to the
 * WebSocket connections of the message's two users.
 */
public final class ChatPushChannel {

    public static final String NAME = "chat:messages";

    private ChatPushChannel() {
    }
}
