package com.douyin.comment.rpc;

import com.douyin.api.comment.CommentDTO;
import com.douyin.api.comment.CommentService;
import com.douyin.api.comment.CommentThreadDTO;
import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.comment.service.CommentActionService;
import com.douyin.comment.service.CommentModeration;
import com.douyin.comment.service.CommentQueryService;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of the comment provider; the logic is in the services. */
@DubboService
public class CommentServiceRpc implements CommentService {

    private final CommentActionService actions;
    private final CommentQueryService queries;
    private final CommentModeration moderation;

    public CommentServiceRpc(CommentActionService actions, CommentQueryService queries, CommentModeration moderation) {
        this.actions = actions;
        this.queries = queries;
        this.moderation = moderation;
    }

    @Override
    public CommentDTO add(long userId, long videoId, long parentId, String text) {
        return actions.add(userId, videoId, parentId, text);
    }

    @Override
    public CommentDTO delete(long userId, long videoId, long commentId) {
        return actions.delete(userId, videoId, commentId);
    }

    @Override
    public CursorPage<CommentThreadDTO> list(long videoId, PageCursor cursor, int count) {
        return queries.list(videoId, cursor, count);
    }

    @Override
    public List<CommentThreadDTO> list(long videoId) {
        return queries.list(videoId, null, CursorPage.MAX_COUNT).items();
    }

    @Override
    public List<CommentDTO> replies(long commentId, int offset, int count) {
        return queries.replies(commentId, offset, count);
    }

    @Override
    public boolean mask(long videoId, long commentId) {
        return moderation.mask(videoId, commentId);
    }
}
