package com.douyin.video.dao;

/** A video's ID and publish time: what the feed index alone answers (no row lookup). */
public record VideoKey(long id, long publishedAt) {
}
