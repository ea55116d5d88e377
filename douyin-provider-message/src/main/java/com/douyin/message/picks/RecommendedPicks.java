package com.douyin.message.picks;

import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

/**
 * The picks are the head of the user's recommended feed (popular-and-fresh for a user it knows
 * nothing of): taken as a page of it would be, so the feed does not show them again soon after.
 */
@Component
class RecommendedPicks implements PickedVideos {

    @DubboReference(providedBy = "douyin-video", check = false)
    private VideoService videos;

    @Override
    public List<VideoDTO> pick(long userId, int count) {
        List<Long> ids = videos.recommended(userId, 0, count).join();
        return ids.isEmpty() ? List.of() : videos.getVideos(ids);
    }
}
