package com.douyin.api.message;

import java.io.Serializable;

/** A chat message; {@code createTime} in epoch ms, strictly increasing within the chat of two users. */
public record MessageDTO(long id, long fromUserId, long toUserId, String content, long createTime) implements Serializable {

    /** The other user of the chat, seen from {@code userId}. */
    public long peerOf(long userId) {
        return fromUserId == userId ? toUserId : fromUserId;
    }
}
