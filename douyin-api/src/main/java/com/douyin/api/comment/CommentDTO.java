package com.douyin.api.comment;

import java.io.Serializable;

/**
 * A comment on a video, or a reply: {@code parentId} is the top-level comment it replies to, 0
 * for a top-level comment (replies are one level deep). {@code createdAt} in epoch ms.
 */
public record CommentDTO(long id, long videoId, long userId, long parentId, String content, long createdAt) implements Serializable {
}
