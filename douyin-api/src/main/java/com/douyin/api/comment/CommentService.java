package com.douyin.api.comment;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import java.util.List;

/** Comments on videos; owned by douyin-provider-comment. */
public interface CommentService {

    /**
     * Adds a comment (text trimmed, sensitive words masked) and answers it with its new ID. With
     * {@code parentId} 0 it is a top-level comment; otherwise a reply to that comment of the same
     * video, and a reply to a reply joins the thread of the top-level comment (the answer's
     * parentId says which). REPLY_TARGET_INVALID for a comment of another video, a deleted or an
     * unknown one.
     */
    CommentDTO add(long userId, long videoId, long parentId, String text);

    /**
     * Deletes a comment of that video; only its author or the video's author may. Deleting a
     * top-level comment hides its replies with it. Deleting a comment that is already gone (or
     * hidden with its thread) answers null and changes nothing.
     */
    CommentDTO delete(long userId, long videoId, long commentId);

    /**
     * A page of the video's top-level comments, newest first, each with its number of replies: up
     * to {@code count} (at most {@link CursorPage#MAX_COUNT}) after {@code cursor} (null: from the
     * newest). A comment just added is already there.
     */
    CursorPage<CommentThreadDTO> list(long videoId, PageCursor cursor, int count);

    /** The newest {@link CursorPage#MAX_COUNT} of {@link #list(long, PageCursor, int)}, for callers that do not page. */
    List<CommentThreadDTO> list(long videoId);

    /**
     * The replies to a top-level comment, oldest first, {@code count} from {@code offset}; a
     * reply has none. COMMENT_NOT_FOUND for an unknown or deleted comment.
     */
    List<CommentDTO> replies(long commentId, int offset, int count);

    /**
     * Masks a comment judged abusive (the assistant's moderation): each character of its text
     * becomes a '*', in its row and in what lists show. False, and nothing changed, while its row
     * is not in MySQL (its add is still on its way there: ask again later).
     */
    boolean mask(long videoId, long commentId);
}
