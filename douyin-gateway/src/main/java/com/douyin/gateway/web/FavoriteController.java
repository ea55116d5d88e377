package com.douyin.gateway.web;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.api.favorite.FavoriteService;
import com.douyin.api.video.VideoService;
import com.douyin.gateway.batch.FavoriteChangeBatches;
import com.douyin.gateway.auth.ViewerAuthenticator;
import com.douyin.gateway.json.StatusResponse;
import com.douyin.gateway.json.VideoJsonMapper;
import com.douyin.gateway.json.VideoPageResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liking videos and a user's liked videos. */
@RestController
public class FavoriteController {

    @Autowired // ProviderReferences
    private FavoriteService favorites;

    @Autowired // ProviderReferences
    private VideoService videos;

    private final ViewerAuthenticator auth;
    private final FavoriteChangeBatches changes;
    private final VideoJsonMapper videoJson;
    private final FeedEntryChanges feedChanges;

    public FavoriteController(ViewerAuthenticator auth, FavoriteChangeBatches changes, VideoJsonMapper videoJson,
                              FeedEntryChanges feedChanges) {
        this.auth = auth;
        this.changes = changes;
        this.videoJson = videoJson;
        this.feedChanges = feedChanges;
    }

    /**
     * Answers once the like is stored, from the thread that brings its batch back: the request
     * thread is free meanwhile (Spring MVC writes the answer when the future completes).
     */
    @PostMapping({"/douyin/favorite/action/", "/douyin/favorite/action"})
    public CompletableFuture<StatusResponse> action(HttpServletRequest request) {
        long userId = auth.requireViewer(request);
        long videoId = RequestParams.requiredId(request, "video_id");
        return changes.change(userId, videoId, RequestParams.actionType(request) == 1)
                .whenComplete((stored, failure) -> { // before the answer; a failed call may still have changed them
                    feedChanges.videoChanged(videoId);
                    feedChanges.usersChanged(userId); // favorite_count
                    feedChanges.viewerChanged(userId); // is_favorite
                })
                .thenApply(stored -> new StatusResponse(0, "success"));
    }

    /** A page of the videos a user likes, most recent like first: {@code count} (default and at most 100) after {@code cursor}. */
    @GetMapping({"/douyin/favorite/list/", "/douyin/favorite/list"})
    public VideoPageResponse list(HttpServletRequest request) {
        OptionalLong viewer = auth.optionalViewer(request);
        long userId = RequestParams.requiredId(request, "user_id");
        CursorPage<Long> page = favorites.likedVideos(userId, RequestParams.cursor(request), RequestParams.pageCount(request));
        return new VideoPageResponse(0, "success", PageCursor.textOf(page.next()),
                videoJson.toJson(videos.getVideos(page.items()), viewer));
    }
}
