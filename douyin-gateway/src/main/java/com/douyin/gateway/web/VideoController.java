package com.douyin.gateway.web;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.PageCursor;
import com.douyin.api.video.SearchKeyword;
import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import com.douyin.api.video.VideoTitle;
import com.douyin.api.video.VideoTopic;
import com.douyin.gateway.auth.ViewerAuthenticator;
import com.douyin.gateway.config.JsonCharsetConfig;
import com.douyin.gateway.json.AnswersWith;
import com.douyin.gateway.json.FeedResponse;
import com.douyin.gateway.json.StatusResponse;
import com.douyin.gateway.json.VideoJson;
import com.douyin.gateway.json.VideoJsonMapper;
import com.douyin.gateway.json.VideoListResponse;
import com.douyin.gateway.json.VideoPageResponse;
import com.douyin.gateway.upload.VideoPublisher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Publishing, the feeds (all videos, one topic's, the followed accounts', the recommended), a user's works and title search. */
@RestController
public class VideoController {

    private static final int FEED_PAGE = 30;
    private static final int SEARCH_PAGE = 30;
    private static final int RECOMMENDED_PAGE = 10;

    @Autowired // ProviderReferences
    private VideoService videos;

    private final ViewerAuthenticator auth;
    private final VideoJsonMapper videoJson;
    private final FeedHeadCache feedHead;
    private final SettledFeedPages settledPages;
    private final FeedEntries feedEntries;
    private final FeedEntryChanges feedChanges;
    private final VideoPublisher publisher;
    private final FeedLoads feedLoads;
    private final HeldPageJson heldPages;
    private final RecommendedAhead recommendedAhead;

    public VideoController(ViewerAuthenticator auth, VideoJsonMapper videoJson, FeedHeadCache feedHead,
                           SettledFeedPages settledPages, FeedEntries feedEntries, FeedEntryChanges feedChanges,
                           VideoPublisher publisher, FeedLoads feedLoads, HeldPageJson heldPages,
                           RecommendedAhead recommendedAhead) {
        this.auth = auth;
        this.videoJson = videoJson;
        this.feedHead = feedHead;
        this.settledPages = settledPages;
        this.feedEntries = feedEntries;
        this.feedChanges = feedChanges;
        this.publisher = publisher;
        this.feedLoads = feedLoads;
        this.heldPages = heldPages;
        this.recommendedAhead = recommendedAhead;
    }

    /**
     * A video from the file sent ({@code data}) or uploaded directly before ({@code object_key}):
     * {@link VideoPublisher}. The author's work_count changes, so this gateway's copy of them goes.
     */
    @PostMapping({"/douyin/publish/action/", "/douyin/publish/action"})
    public StatusResponse publish(HttpServletRequest request) throws IOException {
        long userId = auth.requireViewer(request);
        String title = VideoTitle.normalize(RequestParams.optional(request, "title"));
        String topic = RequestParams.optional(request, "topic"); // checked by the video provider
        MultipartFile data = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("data") : null;
        String objectKey = RequestParams.optional(request, "object_key");
        if (objectKey != null && !objectKey.isBlank()) {
            if (data != null) {
                throw new DouyinException(ErrorCode.BAD_REQUEST, "Send either the file (data) or an object_key, not both.");
            }
            publisher.publishUploaded(userId, objectKey, title, topic);
        } else {
            publisher.publishFile(userId, data, idempotencyKey(request), title, topic);
        }
        feedChanges.usersChanged(userId); // work_count
        return new StatusResponse(0, "Published.");
    }

    /** The client's idempotency key: the form field, or the Idempotency-Key header. */
    private static String idempotencyKey(HttpServletRequest request) {
        String field = RequestParams.optional(request, "idempotency_key");
        return field != null ? field : request.getHeader("Idempotency-Key");
    }

    /**
     * The answer, or (a settled page not held here yet) the future of it: the providers are
     * asked on a load thread ({@link FeedLoads}), and the request's thread serves others meanwhile.
     */
    @GetMapping({"/douyin/feed/", "/douyin/feed"})
    @AnswersWith(FeedResponse.class)
    public Object feed(HttpServletRequest request) {
        OptionalLong viewer = auth.optionalViewer(request); // an invalid token is an error even here
        long now = System.currentTimeMillis();
        FeedTime time = FeedTime.of(RequestParams.optionalId(request, "latest_time"), RequestParams.cursor(request), now);
        String topic = VideoTopic.normalize(RequestParams.optional(request, "topic")); // "": every video
        if (SettledFeedPages.isSettled(time, now)) {
            SettledFeedPages.Page page = settledPages.getIfPresent(topic, time);
            FeedEntries.Held held = page == null ? null : feedEntries.held(page.videoIds());
            if (held == null) {
                return feedLoads.supply(() -> forViewer(settledPage(topic, time, now), viewer));
            }
            return ResponseEntity.ok(heldPages.write(page.nextTime(), page.nextCursor(), held, marksOf(viewer, held, null)));
        }
        FeedHeadCache.Page head = feedHead.get(topic, time, now, () -> {
            List<VideoDTO> page = videos.feed(topic, time.position(), time.unitMs(), FEED_PAGE);
            return new FeedResponse(0, "success", nextTime(page, time, now), nextCursor(page), videoJson.toJson(page));
        });
        if (viewer.isEmpty() && head.json() != null) {
            return ResponseEntity.ok().contentType(JsonCharsetConfig.JSON_UTF8).body(head.json()); // written once for all
        }
        return forViewer(head.response(), viewer);
    }

    /**
     * The newest videos of the accounts the viewer follows (an extension; token required), paged
     * as the feed: {@code latest_time} or {@code cursor}, {@code next_time} and {@code next_cursor}.
     */
    @GetMapping({"/douyin/feed/following/", "/douyin/feed/following"})
    public FeedResponse followingFeed(HttpServletRequest request) {
        long viewer = auth.requireViewer(request);
        long now = System.currentTimeMillis();
        FeedTime time = FeedTime.of(RequestParams.optionalId(request, "latest_time"), RequestParams.cursor(request), now);
        List<VideoDTO> page = videos.followingFeed(viewer, time.position(), time.unitMs(), FEED_PAGE);
        return new FeedResponse(0, "success", nextTime(page, time, now), nextCursor(page), videoJson.toJson(page, OptionalLong.of(viewer)));
    }

    /**
     * Videos ranked for the viewer (an extension; token optional): {@code count} (1 to 30, default
     * 10). A viewer's next request answers their next page; nobody pages with {@code cursor}
     * ({@code next_cursor}, "" when the ranking ends). The feed's shape, {@code next_time} now.
     */
    @GetMapping({"/douyin/feed/recommended/", "/douyin/feed/recommended"})
    @AnswersWith(FeedResponse.class)
    public Object recommended(HttpServletRequest request) {
        OptionalLong viewer = auth.optionalViewer(request);
        int count = RequestParams.count(request, RECOMMENDED_PAGE, FEED_PAGE);
        int offset = viewer.isPresent() ? 0 : RecommendedCursor.offset(RequestParams.optional(request, "cursor"));
        CompletableFuture<RecommendedAhead.Videos> ranked = viewer.isPresent()
                ? recommendedAhead.next(viewer.getAsLong(), count, this::takeRecommended)
                : videos.recommended(0, offset, count).thenApply(ids -> new RecommendedAhead.Videos(ids, null));
        if (ranked.isDone() && !ranked.isCompletedExceptionally()) {
            return recommendedPage(ranked.join(), viewer, offset, count); // taken ahead: everything here is held
        }
        // No thread waits for the ranking; the page is put together on a load thread (FeedLoads).
        return feedLoads.after(ranked, page -> recommendedPage(page, viewer, offset, count));
    }

    private Object recommendedPage(RecommendedAhead.Videos page, OptionalLong viewer, int offset, int count) {
        List<Long> ids = page.ids();
        String next = ids.size() < count ? "" : RecommendedCursor.after(viewer.isPresent() ? 0 : offset + ids.size());
        FeedEntries.Held held = feedEntries.held(ids);
        if (held != null) {
            VideoJsonMapper.Marks marks = marksOf(viewer, held, page.marks());
            // Never a video the viewer likes: the ranking leaves out their latest likes, this the older ones.
            return ResponseEntity.ok(heldPages.write(System.currentTimeMillis(), next, held.without(marks.liked()), marks));
        }
        List<VideoDTO> shown = feedEntries.videos(ids);
        List<VideoJson> json = videoJson.forViewer(videoJson.toJson(shown, feedEntries::authors), viewer).stream()
                .filter(video -> !video.isFavorite()).toList();
        return new FeedResponse(0, "success", System.currentTimeMillis(), next, json);
    }

    /** What the viewer marks among these held videos (nothing for nobody): {@code carried} with them if those still hold (null: none carried). */
    private VideoJsonMapper.Marks marksOf(OptionalLong viewer, FeedEntries.Held held, VideoJsonMapper.CarriedMarks carried) {
        return viewer.isEmpty() ? VideoJsonMapper.Marks.NONE : videoJson.marksOf(viewer.getAsLong(), carried, held::videos);
    }

    /**
     * The viewer's next recommended videos, taken ahead of their pages ({@link RecommendedAhead}),
     * with what the viewer likes and follows among them asked at once: the pages that show them
     * carry it, or find it known ({@code ViewerMarks}), rather than ask the favorite and relation providers each.
     */
    private CompletableFuture<RecommendedAhead.Videos> takeRecommended(long viewer, int count) {
        return feedLoads.after(videos.recommended(viewer, 0, count),
                ids -> new RecommendedAhead.Videos(ids, videoJson.askMarks(viewer, feedEntries.videos(ids))));
    }

    private ResponseEntity<FeedResponse> forViewer(FeedResponse anonymous, OptionalLong viewer) {
        return ResponseEntity.ok(viewer.isEmpty() ? anonymous : new FeedResponse(0, "success", anonymous.nextTime(),
                anonymous.nextCursor(), videoJson.forViewer(anonymous.videoList(), viewer)));
    }

    /** A page well in the past: its IDs never change, its videos and authors come from this gateway's entries. */
    private FeedResponse settledPage(String topic, FeedTime time, long now) {
        SettledFeedPages.Page page = settledPages.get(topic, time, () -> {
            List<VideoDTO> loaded = videos.feed(topic, time.position(), time.unitMs(), FEED_PAGE);
            feedEntries.remember(loaded);
            return new SettledFeedPages.Page(loaded.stream().map(VideoDTO::id).toList(), nextTime(loaded, time, now), nextCursor(loaded));
        });
        List<VideoDTO> shown = feedEntries.videos(page.videoIds());
        return new FeedResponse(0, "success", page.nextTime(), page.nextCursor(), videoJson.toJson(shown, feedEntries::authors));
    }

    /** The next request's latest_time: the oldest video's time, or now for an empty page. */
    private static long nextTime(List<VideoDTO> page, FeedTime time, long now) {
        return page.isEmpty() ? time.inClientUnit(now) : time.inClientUnit(page.get(page.size() - 1).publishedAt());
    }

    /** The next request's cursor (the extension): the oldest video's (publish time, ID), or "" for an empty page. */
    private static String nextCursor(List<VideoDTO> page) {
        VideoDTO oldest = page.isEmpty() ? null : page.get(page.size() - 1);
        return oldest == null ? "" : new PageCursor(oldest.publishedAt(), oldest.id()).text();
    }

    @GetMapping({"/douyin/search/video/", "/douyin/search/video"})
    public VideoListResponse search(HttpServletRequest request) {
        OptionalLong viewer = auth.optionalViewer(request);
        String keyword = SearchKeyword.normalize(RequestParams.optional(request, "keyword"));
        return new VideoListResponse(0, "success", videoJson.toJson(videos.search(keyword, SEARCH_PAGE), viewer));
    }

    /** A page of a user's videos, newest first: {@code count} (default and at most 100) after {@code cursor}. */
    @GetMapping({"/douyin/publish/list/", "/douyin/publish/list"})
    public VideoPageResponse publishList(HttpServletRequest request) {
        OptionalLong viewer = auth.optionalViewer(request);
        long userId = RequestParams.requiredId(request, "user_id");
        CursorPage<VideoDTO> page = videos.listByAuthor(userId, viewer.orElse(0), RequestParams.cursor(request),
                RequestParams.pageCount(request));
        return new VideoPageResponse(0, "success", PageCursor.textOf(page.next()), videoJson.toJson(page.items(), viewer));
    }
}
