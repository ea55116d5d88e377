package com.douyin.gateway.web;

import com.douyin.api.video.VideoDTO;
import com.douyin.gateway.json.UserJson;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The videos and authors that settled feed pages show, kept in this gateway so that such a page
 * costs no call to the video and user providers once its entries are here. Every write through any
 * gateway drops the entries it changes ({@link FeedEntryChanges}): at once, and again after
 * {@code douyin.gateway.feed-entry-settle}, for a load that read the old value just before the
 * write. A video's counts move in Redis with the write itself, so a video is kept long
 * ({@code feed-video-ttl}, 5 to 10 minutes: the bound for a lost invalidation); an author's counts
 * (work_count, total_favorited, favorite_count, follows) are applied by a provider's consumer a
 * moment after the write, under a storm seconds after, so an author is kept for
 * {@code feed-author-ttl} (15 to 30 s). A video published lately without its cover is not kept (its
 * cover is on its way).
 */
@Component
class FeedEntries {

    private static final int MAX_VIDEOS = 200_000;
    private static final int MAX_USERS = 100_000;
    /** A video this old without a cover will not get one (its extraction failed): kept as it is. */
    private static final long COVER_AWAITED_MS = 10 * 60_000;

    private final Cache<Long, VideoDTO> videos;
    private final Cache<Long, UserJson> authors;
    /** Drops again once a write has settled. (Not CompletableFuture's delayed executor: with one CPU to spare it starts a thread per task.) */
    private final ScheduledExecutorService settler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-entries-settle");
        t.setDaemon(true);
        return t;
    });
    private final long settleMs;

    FeedEntries(@Value("${douyin.gateway.feed-video-ttl:10m}") Duration videoTtl,
                @Value("${douyin.gateway.feed-author-ttl:30s}") Duration authorTtl,
                @Value("${douyin.gateway.feed-entry-settle:2s}") Duration settle) {
        this.videos = Caffeine.newBuilder().expireAfter(new JitteredTtl<Long, VideoDTO>(videoTtl)).maximumSize(MAX_VIDEOS).build();
        this.authors = Caffeine.newBuilder().expireAfter(new JitteredTtl<Long, UserJson>(authorTtl)).maximumSize(MAX_USERS).build();
        this.settleMs = settle.toMillis();
    }

    /** The videos of {@code ids} that exist, in that order: those not here loaded in one call. */
    List<VideoDTO> videos(List<Long> ids, Function<List<Long>, List<VideoDTO>> load) {
        Map<Long, VideoDTO> found = new HashMap<>(videos.getAllPresent(ids));
        List<Long> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            List<VideoDTO> loaded = load.apply(missing);
            remember(loaded);
            loaded.forEach(video -> found.put(video.id(), video));
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** A page's videos in their order and their authors by ID, all held here. */
    record Held(List<VideoDTO> videos, Map<Long, UserJson> authorsById) {
    }

    /** The videos of {@code ids} and their authors if each is held here, else null. */
    Held held(List<Long> ids) {
        Map<Long, VideoDTO> found = videos.getAllPresent(ids);
        if (found.size() < ids.size()) {
            return null;
        }
        Map<Long, UserJson> authorsById = new HashMap<>();
        for (VideoDTO video : found.values()) {
            UserJson author = authors.getIfPresent(video.authorId());
            if (author == null) {
                return null;
            }
            authorsById.put(video.authorId(), author);
        }
        return new Held(ids.stream().map(found::get).toList(), authorsById);
    }

    /** Videos just read from their provider. */
    void remember(List<VideoDTO> loaded) {
        long coverAwaitedSince = System.currentTimeMillis() - COVER_AWAITED_MS;
        for (VideoDTO video : loaded) {
            if (!video.coverKey().isEmpty() || video.publishedAt() < coverAwaitedSince) {
                videos.put(video.id(), video);
            }
        }
    }

    /** The anonymous User objects of {@code ids}: those not here loaded in one call. */
    Map<Long, UserJson> authors(Collection<Long> ids, Function<Collection<Long>, Map<Long, UserJson>> load) {
        return authors.getAll(ids, missing -> load.apply(List.copyOf(missing)));
    }

    /** A write changed this video's counts (and so its author's total_favorited, if the video is here). */
    void dropVideo(long videoId) {
        VideoDTO cached = videos.getIfPresent(videoId);
        videos.invalidate(videoId);
        settler.schedule(() -> videos.invalidate(videoId), settleMs, TimeUnit.MILLISECONDS);
        if (cached != null) {
            dropUsers(cached.authorId());
        }
    }

    /** A write changed these users (their profile or counts). */
    void dropUsers(long... userIds) {
        for (long userId : userIds) {
            authors.invalidate(userId);
            settler.schedule(() -> authors.invalidate(userId), settleMs, TimeUnit.MILLISECONDS);
        }
    }
}
