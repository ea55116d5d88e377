package com.douyin.comment.dao;

/** How many undeleted replies a top-level comment has. */
public record ReplyCount(long parentId, long replyCount) {
}
