package com.douyin.api.comment;

import java.util.List;

/** Comments on videos; owned by douyin-provider-comment. */
public interface CommentService {

    /** Adds a comment (text trimmed, sensitive words masked) and answers it with its new ID. */
    CommentDTO add(long userId, long videoId, String text);

    /**
     * Deletes a comment of that video; only its author or the video's author may. Deleting a
     * comment that is already gone answers null and changes nothing.
     */
    CommentDTO delete(long userId, long videoId, long commentId);

    /** The video's comments, newest first; a comment just added is already there. */
    List<CommentDTO> list(long videoId);
}
