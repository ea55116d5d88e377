package com.douyin.message.dao;

/** The two users of a chat in a fixed order, so one row and one index range hold the chat either way round. */
public record ChatPair(long low, long high) {

    public static ChatPair of(long a, long b) {
        return new ChatPair(Math.min(a, b), Math.max(a, b));
    }
}
