package com.douyin.gateway.web;

import com.douyin.api.comment.CommentDTO;
import com.douyin.api.comment.CommentService;
import com.douyin.api.comment.CommentText;
import com.douyin.api.comment.CommentThreadDTO;
import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.gateway.auth.ViewerAuthenticator;
import com.douyin.gateway.json.CommentActionResponse;
import com.douyin.gateway.json.CommentJsonMapper;
import com.douyin.gateway.json.CommentListResponse;
import com.douyin.gateway.json.CommentPageResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commenting on videos (and replying to comments), a video's comments and a comment's replies. */
@RestController
public class CommentController {

    private static final int REPLY_PAGE = 30;
    private static final int MAX_REPLY_PAGE = 100;

    @Autowired // ProviderReferences
    private CommentService comments;

    private final ViewerAuthenticator auth;
    private final CommentJsonMapper commentJson;
    private final FeedEntryChanges feedChanges;

    public CommentController(ViewerAuthenticator auth, CommentJsonMapper commentJson, FeedEntryChanges feedChanges) {
        this.auth = auth;
        this.commentJson = commentJson;
        this.feedChanges = feedChanges;
    }

    @PostMapping({"/douyin/comment/action/", "/douyin/comment/action"})
    public CommentActionResponse action(HttpServletRequest request) {
        long userId = auth.requireViewer(request);
        long videoId = RequestParams.requiredId(request, "video_id");
        try {
            return change(request, userId, videoId);
        } finally { // its comment_count (a failed call may still have changed it)
            feedChanges.videoChanged(videoId);
        }
    }

    private CommentActionResponse change(HttpServletRequest request, long userId, long videoId) {
        if (RequestParams.actionType(request) == 1) {
            String text = CommentText.RULE.normalize(RequestParams.optional(request, "comment_text"));
            Long parentId = RequestParams.optionalId(request, "parent_id"); // none or 0: a top-level comment
            CommentDTO added = comments.add(userId, videoId, parentId == null ? 0 : parentId, text);
            return new CommentActionResponse(0, added.parentId() == 0 ? "Commented." : "Replied.",
                    commentJson.toJson(added, OptionalLong.of(userId)));
        }
        long commentId = RequestParams.requiredId(request, "comment_id");
        return new CommentActionResponse(0, "Deleted.", commentJson.toJson(comments.delete(userId, videoId, commentId), OptionalLong.of(userId)));
    }

    /** A page of a video's top-level comments, newest first: {@code count} (default and at most 100) after {@code cursor}. */
    @GetMapping({"/douyin/comment/list/", "/douyin/comment/list"})
    public CommentPageResponse list(HttpServletRequest request) {
        OptionalLong viewer = auth.optionalViewer(request);
        long videoId = RequestParams.requiredId(request, "video_id");
        CursorPage<CommentThreadDTO> page = comments.list(videoId, RequestParams.cursor(request), RequestParams.pageCount(request));
        return new CommentPageResponse(0, "success", PageCursor.textOf(page.next()), commentJson.threadsToJson(page.items(), viewer));
    }

    /** A top-level comment's replies, oldest first, paged by {@code offset} and {@code count} (default 30, at most 100). */
    @GetMapping({"/douyin/comment/replies/", "/douyin/comment/replies"})
    public CommentListResponse replies(HttpServletRequest request) {
        OptionalLong viewer = auth.optionalViewer(request);
        long commentId = RequestParams.requiredId(request, "comment_id");
        List<CommentDTO> replies = comments.replies(commentId, RequestParams.offset(request),
                RequestParams.count(request, REPLY_PAGE, MAX_REPLY_PAGE));
        return new CommentListResponse(0, "success", commentJson.toJson(replies, viewer));
    }
}
