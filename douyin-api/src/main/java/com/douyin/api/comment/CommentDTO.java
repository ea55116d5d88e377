package com.douyin.api.comment;

import java.io.Serializable;

/** A comment on a video; {@code createdAt} in epoch ms. */
public record CommentDTO(long id, long videoId, long userId, String content, long createdAt) implements Serializable {
}
