package com.douyin.comment.service;

import com.douyin.api.comment.CommentDTO;
import com.douyin.comment.cache.VideoComments;
import com.douyin.comment.dao.CommentMapper;
import com.douyin.common.redis.RedisOutage;
import com.douyin.common.video.VideoAuthors;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** A video's comments, newest first: from Redis (rebuilt from MySQL when cold), or from MySQL while Redis is out. */
@Service
public class CommentQueryService {

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

    public List<CommentDTO> list(long videoId) {
        videos.authorOf(videoId); // unknown videos get an error, not an empty set in Redis
        return outage.redisOrElse(() -> comments.newestFirst(videoId),
                () -> rows.findVisible(videoId).stream().sorted(Comparator.comparingLong(CommentDTO::id).reversed()).toList());
    }
}
