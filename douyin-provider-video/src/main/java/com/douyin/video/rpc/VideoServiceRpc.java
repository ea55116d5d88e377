package com.douyin.video.rpc;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import com.douyin.video.following.FollowingFeed;
import com.douyin.video.recommend.RecommendedFeed;
import com.douyin.video.service.PendingUploads;
import com.douyin.video.service.VideoDescriptions;
import com.douyin.video.service.VideoPublishService;
import com.douyin.video.service.VideoQueryService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of the video provider; the logic is in the services. */
@DubboService
public class VideoServiceRpc implements VideoService {

    private final VideoPublishService publishing;
    private final PendingUploads uploads;
    private final VideoQueryService queries;
    private final FollowingFeed followingFeed;
    private final RecommendedFeed recommendedFeed;
    private final VideoDescriptions descriptions;

    public VideoServiceRpc(VideoPublishService publishing, PendingUploads uploads, VideoQueryService queries, FollowingFeed followingFeed,
                           RecommendedFeed recommendedFeed, VideoDescriptions descriptions) {
        this.publishing = publishing;
        this.uploads = uploads;
        this.queries = queries;
        this.followingFeed = followingFeed;
        this.recommendedFeed = recommendedFeed;
        this.descriptions = descriptions;
    }

    @Override
    public VideoDTO publish(long authorId, String playKey, String title, String topic) {
        return publishing.publish(authorId, playKey, title, topic);
    }

    @Override
    public void expectUpload(long ownerId, String objectKey, long expiresAtMs) {
        uploads.expect(ownerId, objectKey, expiresAtMs);
    }

    @Override
    public List<VideoDTO> feed(String topic, PageCursor cursor, long unitMs, int limit) {
        return queries.feed(topic, cursor, unitMs, limit);
    }

    @Override
    public List<VideoDTO> feed(String topic, long beforeMs, long unitMs, int limit) {
        return queries.feed(topic, new PageCursor(beforeMs, 0), unitMs, limit);
    }

    @Override
    public List<VideoDTO> followingFeed(long viewerId, PageCursor cursor, long unitMs, int limit) {
        return followingFeed.page(viewerId, cursor, unitMs, limit);
    }

    @Override
    public CompletableFuture<List<Long>> recommended(long viewerId, int offset, int count) {
        return CompletableFuture.completedFuture(recommendedFeed.page(viewerId, offset, count));
    }

    @Override
    public CursorPage<VideoDTO> listByAuthor(long authorId, long viewerId, PageCursor cursor, int count) {
        return queries.listByAuthor(authorId, viewerId, cursor, count);
    }

    @Override
    public List<VideoDTO> listByAuthor(long authorId, long viewerId) {
        return queries.listByAuthor(authorId, viewerId, null, CursorPage.MAX_COUNT).items();
    }

    @Override
    public List<VideoDTO> search(String keyword, int limit) {
        return queries.search(keyword, limit);
    }

    @Override
    public List<VideoDTO> getVideos(List<Long> videoIds) {
        return queries.getVideos(videoIds);
    }

    @Override
    public boolean describe(long videoId, List<String> keywords, boolean abusiveTitle) {
        return descriptions.describe(videoId, keywords, abusiveTitle);
    }
}
