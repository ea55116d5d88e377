package com.douyin.comment.service;

import com.douyin.api.comment.CommentDTO;
import com.douyin.comment.cache.VideoComments;
import com.douyin.common.video.VideoAuthors;
import java.util.List;
import org.springframework.stereotype.Service;

/** A video's comments, from Redis (rebuilt from MySQL when cold). */
@Service
public class CommentQueryService {

    private final VideoComments comments;
    private final VideoAuthors videos;

    public CommentQueryService(VideoComments comments, VideoAuthors videos) {
        this.comments = comments;
        this.videos = videos;
    }

    public List<CommentDTO> list(long videoId) {
        videos.authorOf(videoId); // unknown videos get an error, not an empty set in Redis
        return comments.newestFirst(videoId);
    }
}
