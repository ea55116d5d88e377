package com.douyin.message.summary;

import com.douyin.api.comment.CommentService;
import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/** {@link DescribedVideos} through the video and comment providers. */
@Component
class ProviderDescribedVideos implements DescribedVideos {

    @DubboReference(providedBy = "douyin-video", check = false)
    private VideoService videos;

    @DubboReference(providedBy = "douyin-comment", check = false)
    private CommentService comments;

    @Override
    public VideoDTO find(long videoId) {
        List<VideoDTO> found = videos.getVideos(List.of(videoId));
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public boolean describe(long videoId, List<String> keywords, boolean abusiveTitle) {
        return videos.describe(videoId, keywords, abusiveTitle);
    }

    @Override
    public void comment(long assistantId, long videoId, String text) {
        comments.add(assistantId, videoId, 0, text);
    }
}
