package com.douyin.comment.service;

import com.douyin.api.comment.CommentDTO;
import com.douyin.api.comment.CommentThreadDTO;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.comment.cache.VideoComments;
import com.douyin.comment.dao.CommentMapper;
import com.douyin.common.redis.RedisOutage;
import com.douyin.common.video.VideoAuthors;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A video's top-level comments, newest first with their reply counts, and a comment's replies,
 * oldest first (a thread reads as a conversation): from Redis (rebuilt from MySQL when cold), or
 * from MySQL while Redis is out.
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

    public List<CommentThreadDTO> list(long videoId) {
        videos.authorOf(videoId); // unknown videos get an error, not an empty set in Redis
        List<CommentDTO> visible = outage.redisOrElse(() -> comments.newestFirst(videoId),
                () -> rows.findVisible(videoId).stream().sorted(Comparator.comparingLong(CommentDTO::id).reversed()).toList());
        Map<Long, Long> replyCounts = visible.stream().filter(c -> c.parentId() != 0)
                .collect(Collectors.groupingBy(CommentDTO::parentId, Collectors.counting()));
        return visible.stream().filter(c -> c.parentId() == 0)
                .map(c -> new CommentThreadDTO(c, replyCounts.getOrDefault(c.id(), 0L))).toList();
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
        return comments.newestFirst(videoId).stream().filter(c -> c.parentId() == commentId)
                .sorted(Comparator.comparingLong(CommentDTO::id)).skip(offset).limit(count).toList();
    }

    private List<CommentDTO> repliesInMysql(long commentId, int offset, int count) {
        CommentDTO comment = rows.findVisibleById(commentId);
        if (comment == null) {
            throw new DouyinException(ErrorCode.COMMENT_NOT_FOUND);
        }
        return comment.parentId() != 0 ? List.of() : rows.findReplies(commentId, offset, count);
    }
}
