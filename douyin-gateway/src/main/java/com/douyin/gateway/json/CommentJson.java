package com.douyin.gateway.json;

/** The contract's Comment object; {@code createDate} is "MM-dd". */
public record CommentJson(long id, UserJson user, String content, String createDate) {
}
