package com.douyin.api.comment;

import java.io.Serializable;

/** A top-level comment and how many visible replies it has. */
public record CommentThreadDTO(CommentDTO comment, long replyCount) implements Serializable {
}
