package com.douyin.gateway.json;

import com.douyin.api.message.MessageDTO;

/** The contract's Message object; {@code createTime} in epoch ms. */
public record MessageJson(long id, long toUserId, long fromUserId, String content, long createTime) {

    public static MessageJson of(MessageDTO message) {
        return new MessageJson(message.id(), message.toUserId(), message.fromUserId(), message.content(), message.createTime());
    }
}
