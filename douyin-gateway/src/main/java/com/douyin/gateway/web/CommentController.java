package com.douyin.gateway.web;

import com.douyin.api.comment.CommentService;
import com.douyin.api.comment.CommentText;
import com.douyin.gateway.auth.ViewerAuthenticator;
import com.douyin.gateway.json.CommentActionResponse;
import com.douyin.gateway.json.CommentJsonMapper;
import com.douyin.gateway.json.CommentListResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commenting on videos and a video's comments. */
@RestController
public class CommentController {

    @DubboReference(providedBy = "douyin-comment")
    private CommentService comments;

    private final ViewerAuthenticator auth;
    private final CommentJsonMapper commentJson;

    public CommentController(ViewerAuthenticator auth, CommentJsonMapper commentJson) {
        this.auth = auth;
        this.commentJson = commentJson;
    }

    @PostMapping({"/douyin/comment/action/", "/douyin/comment/action"})
    public CommentActionResponse action(HttpServletRequest request) {
        long userId = auth.requireViewer(request);
        long videoId = RequestParams.requiredId(request, "video_id");
        if (RequestParams.actionType(request) == 1) {
            String text = CommentText.RULE.normalize(RequestParams.optional(request, "comment_text"));
            return new CommentActionResponse(0, "Commented.", commentJson.toJson(comments.add(userId, videoId, text), OptionalLong.of(userId)));
        }
        long commentId = RequestParams.requiredId(request, "comment_id");
        return new CommentActionResponse(0, "Deleted.", commentJson.toJson(comments.delete(userId, videoId, commentId), OptionalLong.of(userId)));
    }

    @GetMapping({"/douyin/comment/list/", "/douyin/comment/list"})
    public CommentListResponse list(HttpServletRequest request) {
        OptionalLong viewer = auth.optionalViewer(request);
        long videoId = RequestParams.requiredId(request, "video_id");
        return new CommentListResponse(0, "success", commentJson.toJson(comments.list(videoId), viewer));
    }
}
