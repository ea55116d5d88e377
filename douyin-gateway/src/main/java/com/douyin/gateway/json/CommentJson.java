package com.douyin.gateway.json;

/**
 * The contract's Comment object; {@code createDate} is "MM-dd". Added fields
 * (docs/api-extensions.md): {@code parentId}, the top-level comment a reply is in (0 for a
 * top-level comment), and {@code replyCount}, its visible replies (0 for a reply).
 */
public record CommentJson(long id, UserJson user, String content, String createDate, long parentId, long replyCount) {
}
