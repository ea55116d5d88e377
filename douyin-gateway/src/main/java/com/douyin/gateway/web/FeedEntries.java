package com.douyin.gateway.web;

import com.douyin.api.video.VideoDTO;
import com.douyin.gateway.json.UserJson;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * {@code feed-author-ttl} (15 to 30 s). An entry read when a third of its TTL has passed is read
 * again from its source in the background while the old one is still shown: a page read often
 * stays held (before, each expiry sent the next page that showed it to the providers, and those
 * pages were the feed's slowest), and what it shows is about a third of the TTL old at most (an
 * entry nobody reads expires as before; a write's drop discards a refresh in flight). A video
 * published lately without its cover is kept only as long as a write takes to settle
 * ({@code feed-entry-settle}): its cover is on its way and is shown that late at most, while the
 * pages and recommended takes that show the newest videos do not each read it again from the
 * provider (before, each did, for ten minutes when its cover could not be made). A held video also
 * keeps its JSON as an anonymous viewer sees it ({@link HeldVideo}), so that a held page is
 * written without serializing its videos again.
 */
@Component
class FeedEntries {

    /** With its JSON a held video is about 1 KB: 50 MB at most (the gateway's heap is 384 MB). */
    private static final int MAX_VIDEOS = 50_000;
    private static final int MAX_USERS = 100_000;
    /** A video this old without a cover will not get one (its extraction failed): kept as it is. */
    private static final long COVER_AWAITED_MS = 10 * 60_000;
    private static final Logger log = LoggerFactory.getLogger(FeedEntries.class);
    private static final int REFRESH_BATCH = 200;
    private static final long REFRESH_GATHER_MS = 100;

    private final FeedEntrySource source;
    private final LoadingCache<Long, HeldVideo> videos;
    private final LoadingCache<Long, UserJson> authors;
    /** Drops again once a write has settled. (Not CompletableFuture's delayed executor: with one CPU to spare it starts a thread per task.) */
    private final ScheduledExecutorService settler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-entries-settle");
        t.setDaemon(true);
        return t;
    });
    /** Reads entries again ahead of their expiry: calls to the providers, so not on the common pool (one thread on two cores). */
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-entries-refresh");
        t.setDaemon(true);
        return t;
    });
    /**
     * Entries loaded together come due together (a gateway's first minute loads every author of the
     * feed): their refreshes are gathered for {@value #REFRESH_GATHER_MS} ms and read in batches.
     */
    private final GatheredReads<Long, HeldVideo> videoRefreshes;
    private final GatheredReads<Long, UserJson> authorRefreshes;
    private final long settleMs;

    FeedEntries(FeedEntrySource source,
                @Value("${douyin.gateway.feed-video-ttl:10m}") Duration videoTtl,
                @Value("${douyin.gateway.feed-author-ttl:30s}") Duration authorTtl,
                @Value("${douyin.gateway.feed-entry-settle:2s}") Duration settle) {
        this.source = source;
        this.videoRefreshes = new GatheredReads<>(this::keptVideos, refresher, REFRESH_GATHER_MS, REFRESH_BATCH);
        this.authorRefreshes = new GatheredReads<>(ids -> {
            Map<Long, UserJson> found = source.authors(ids);
            return ids.stream().map(found::get).toList();
        }, refresher, REFRESH_GATHER_MS, REFRESH_BATCH);
        this.videos = Caffeine.newBuilder().expireAfter(new JitteredTtl<Long, HeldVideo>(videoTtl, held -> awaitingCover(held.video()), settle))
                .refreshAfterWrite(videoTtl.dividedBy(3)).maximumSize(MAX_VIDEOS).build(new CacheLoader<>() {
                    @Override
                    public HeldVideo load(Long id) {
                        return keptVideos(List.of(id)).get(0);
                    }

                    @Override
                    public CompletableFuture<HeldVideo> asyncReload(Long id, HeldVideo old, Executor executor) {
                        return quietly(videoRefreshes.read(id));
                    }
                });
        this.authors = Caffeine.newBuilder().expireAfter(new JitteredTtl<Long, UserJson>(authorTtl))
                .refreshAfterWrite(authorTtl.dividedBy(3)).maximumSize(MAX_USERS).build(new CacheLoader<>() {
                    @Override
                    public UserJson load(Long id) {
                        return source.authors(List.of(id)).get(id);
                    }

                    @Override
                    public Map<Long, UserJson> loadAll(Set<? extends Long> ids) {
                        return source.authors(List.copyOf(ids));
                    }

                    @Override
                    public CompletableFuture<UserJson> asyncReload(Long id, UserJson old, Executor executor) {
                        return quietly(authorRefreshes.read(id));
                    }
                });
        this.settleMs = settle.toMillis();
    }

    /** Each of {@code ids} as it would be kept now (null: gone, or not to be kept). */
    private List<HeldVideo> keptVideos(List<Long> ids) {
        Map<Long, HeldVideo> kept = new HashMap<>();
        source.videos(ids).forEach(video -> kept.put(video.id(), new HeldVideo(video)));
        return ids.stream().map(kept::get).toList();
    }

    /**
     * A refresh that fails leaves the entry as it was (it expires at its time, and a later read
     * tries again): logged here, and cancelled for Caffeine, which would log a stack trace per
     * entry while a provider is down.
     */
    private static <V> CompletableFuture<V> quietly(CompletableFuture<V> refresh) {
        CompletableFuture<V> quiet = new CompletableFuture<>();
        refresh.whenComplete((value, failure) -> {
            if (failure == null) {
                quiet.complete(value);
            } else {
                log.debug("A feed entry stays as it was until it expires: {}", failure.toString());
                quiet.cancel(false);
            }
        });
        return quiet;
    }

    /** The videos of {@code ids} that exist, in that order: those not here read in one call. */
    List<VideoDTO> videos(List<Long> ids) {
        Map<Long, VideoDTO> found = new HashMap<>();
        videos.getAllPresent(ids).forEach((id, held) -> found.put(id, held.video()));
        List<Long> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            List<VideoDTO> loaded = source.videos(missing);
            remember(loaded);
            loaded.forEach(video -> found.put(video.id(), video));
        }
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** A page's videos in their order, each with its author, all held here. */
    record Held(List<HeldVideo> entries, List<UserJson> authors) {

        List<VideoDTO> videos() {
            return entries.stream().map(HeldVideo::video).toList();
        }

        /** The same page without the videos of {@code videoIds}. */
        Held without(Set<Long> videoIds) {
            if (videoIds.isEmpty()) {
                return this;
            }
            List<HeldVideo> keptEntries = new ArrayList<>(entries.size());
            List<UserJson> keptAuthors = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                if (!videoIds.contains(entries.get(i).video().id())) {
                    keptEntries.add(entries.get(i));
                    keptAuthors.add(authors.get(i));
                }
            }
            return new Held(keptEntries, keptAuthors);
        }

        Map<Long, UserJson> authorsById() {
            Map<Long, UserJson> byId = new HashMap<>();
            authors.forEach(author -> byId.put(author.id(), author));
            return byId;
        }
    }

    /** The videos of {@code ids} and their authors if each is held here, else null. */
    Held held(List<Long> ids) {
        List<HeldVideo> found = new ArrayList<>(ids.size());
        List<UserJson> authorsFound = new ArrayList<>(ids.size());
        for (Long id : ids) {
            HeldVideo held = videos.getIfPresent(id);
            UserJson author = held == null ? null : authors.getIfPresent(held.video().authorId());
            if (author == null) {
                return null;
            }
            found.add(held);
            authorsFound.add(author);
        }
        return new Held(found, authorsFound);
    }

    /** Videos just read from their provider. */
    void remember(List<VideoDTO> loaded) {
        for (VideoDTO video : loaded) {
            videos.put(video.id(), new HeldVideo(video));
        }
    }

    /** A video published lately without its cover: its cover is on its way (an older one will not get one). */
    private static boolean awaitingCover(VideoDTO video) {
        return video.coverKey().isEmpty() && video.publishedAt() >= System.currentTimeMillis() - COVER_AWAITED_MS;
    }

    /** The anonymous User objects of {@code ids}: those not here read in one call. */
    Map<Long, UserJson> authors(Collection<Long> ids) {
        return authors.getAll(ids);
    }

    /** A write changed this video's counts (and so its author's total_favorited, if the video is here). */
    void dropVideo(long videoId) {
        HeldVideo cached = videos.asMap().remove(videoId); // (not a read: a read could start a refresh, here for nothing)
        settler.schedule(() -> videos.invalidate(videoId), settleMs, TimeUnit.MILLISECONDS);
        if (cached != null) {
            dropUsers(cached.video().authorId());
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
