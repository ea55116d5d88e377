package com.douyin.comment.service;

import com.douyin.api.comment.CommentDTO;
import com.douyin.api.comment.CommentThreadDTO;
import com.douyin.api.common.CursorPage;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.PageCursor;
import com.douyin.comment.cache.VideoComments;
import com.douyin.comment.dao.CommentMapper;
import com.douyin.comment.dao.ReplyCount;
import com.douyin.common.redis.RedisOutage;
import com.douyin.common.video.VideoAuthors;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A video's top-level comments, newest first with their reply counts, a page at a time, and a
 * comment's replies, oldest first (a thread reads as a conversation): from Redis (rebuilt from
 * MySQL when cold), or from MySQL while Redis is out. Both order comments by ID, which is by
 * time: a comment's created_time is its ID's.
 */
@Service
public class CommentQueryService {

    static final int MAX_REPLY_PAGE = 100;

    private final VideoComments comments;
    private final CommentMapper rows;
    private final VideoAuthors videos;
    private final RedisOutage outage;

    public CommentQueryService(VideoComments comments, CommentMapper rows, VideoAuthors videos, RedisOutage outage) {
        this.comments = comments;
        this.rows = rows;
        this.videos = videos;
        this.outage = outage;
    }

    public CursorPage<CommentThreadDTO> list(long videoId, PageCursor cursor, int count) {
        videos.authorOf(videoId); // unknown videos get an error, not an empty set in Redis
        int size = CursorPage.clamp(count);
        return outage.redisOrElse(() -> comments.page(videoId, cursor, size), () -> listInMysql(videoId, cursor, size));
    }

    /** The page as the rows hold it, for while Redis is out: one query for the comments, one for their reply counts. */
    public CursorPage<CommentThreadDTO> listInMysql(long videoId, PageCursor cursor, int count) {
        PageCursor after = cursor == null ? new PageCursor(Long.MAX_VALUE, Long.MAX_VALUE) : cursor;
        CursorPage<CommentDTO> page = CursorPage.of(rows.findTopLevelAfter(videoId, after.time(), after.id(), count + 1), count,
                comment -> new PageCursor(comment.createdAt(), comment.id()));
        if (page.items().isEmpty()) {
            return page.withItems(List.of());
        }
        Map<Long, Long> replyCounts = rows.countUndeletedRepliesOf(page.items().stream().map(CommentDTO::id).toList()).stream()
                .collect(Collectors.toMap(ReplyCount::parentId, ReplyCount::replyCount));
        return page.withItems(page.items().stream()
                .map(comment -> new CommentThreadDTO(comment, replyCounts.getOrDefault(comment.id(), 0L))).toList());
    }

    public List<CommentDTO> replies(long commentId, int offset, int count) {
        int from = Math.max(0, offset);
        int size = Math.max(1, Math.min(count, MAX_REPLY_PAGE));
        return outage.redisOrElse(() -> repliesInRedis(commentId, from, size), () -> repliesInMysql(commentId, from, size));
    }

    private List<CommentDTO> repliesInRedis(long commentId, int offset, int count) {
        Long videoId = comments.videoOf(commentId);
        if (videoId == null || comments.find(videoId, commentId) == null) {
            throw new DouyinException(ErrorCode.COMMENT_NOT_FOUND);
        }
        return comments.replies(videoId, commentId, offset, count);
    }

    private List<CommentDTO> repliesInMysql(long commentId, int offset, int count) {
        CommentDTO comment = rows.findVisibleById(commentId);
        if (comment == null) {
            throw new DouyinException(ErrorCode.COMMENT_NOT_FOUND);
        }
        return comment.parentId() != 0 ? List.of() : rows.findReplies(commentId, offset, count);
    }
}
