package com.douyin.gateway.web;

import com.douyin.api.video.VideoService;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A viewer's recommended videos taken from the video provider ahead of their pages: one call takes
 * {@code douyin.gateway.recommended-taken-ahead} (90: three pages of 30; at most
 * {@link VideoService#RECOMMENDED_TAKE_MAX}), and the viewer's next pages come from here, so most
 * pages cost the gateway no call to the video provider. What is taken counts as shown for the
 * provider (later rankings leave it out), so a viewer who stops scrolling leaves at most that
 * less a page unseen. A like of the viewer's does not drop what is held: the next take is ranked
 * with it, and a page never shows what the viewer likes anyway. One take per viewer at a time in
 * this gateway: concurrent pages of one viewer wait for it (the page that started it is served
 * first; one that waited twice in vain takes its own page). Held for {@code
 * douyin.gateway.recommended-held} (10 min, as long as the provider's queue lives).
 */
@Component
class RecommendedAhead {

    static final int DEFAULT_TAKEN_AHEAD = 90;
    private static final int MAX_VIEWERS = 20_000;
    /** A page waits for at most this many takes of other pages (each may be emptied by the viewer's other pages). */
    private static final int WAITS_PER_PAGE = 2;

    /** Takes up to {@code count} of the viewer's next recommended videos from the video provider. */
    interface Taker {
        CompletableFuture<List<Long>> take(long viewer, int count);
    }

    /** One viewer's videos taken and not shown yet, and the take under way (null: none). */
    private static final class Held {
        final ArrayDeque<Long> ids = new ArrayDeque<>();
        /** The take under way: completes with whether the provider had as many as were asked (false: the ranking ran out). */
        CompletableFuture<Boolean> taking;
    }

    private final Cache<Long, Held> viewers;
    private final int takenAhead;

    RecommendedAhead(@Value("${douyin.gateway.recommended-held:10m}") Duration held,
                     @Value("${douyin.gateway.recommended-taken-ahead:" + DEFAULT_TAKEN_AHEAD + "}") int takenAhead) {
        if (takenAhead < 1 || takenAhead > VideoService.RECOMMENDED_TAKE_MAX) {
            throw new IllegalArgumentException("douyin.gateway.recommended-taken-ahead must be 1 to "
                    + VideoService.RECOMMENDED_TAKE_MAX + ", not " + takenAhead);
        }
        this.viewers = Caffeine.newBuilder().maximumSize(MAX_VIEWERS).expireAfterAccess(held).build();
        this.takenAhead = takenAhead;
    }

    /** The viewer's next {@code count} videos; fewer when their ranking runs out. */
    CompletableFuture<List<Long>> next(long viewer, int count, Taker taker) {
        return next(viewers.get(viewer, v -> new Held()), viewer, count, taker, WAITS_PER_PAGE);
    }

    /**
     * A page that finds too few held starts a take and is served first from it, under the lock
     * that adds it; a page that finds a take under way waits for it and looks again. After
     * {@code waitsLeft} such waits (the viewer's other pages emptied each take) it takes its own
     * page, so no page answers short while the ranking has more.
     */
    private CompletableFuture<List<Long>> next(Held held, long viewer, int count, Taker taker, int waitsLeft) {
        CompletableFuture<Boolean> running;
        synchronized (held) {
            if (held.ids.size() >= count) {
                return CompletableFuture.completedFuture(poll(held, count));
            }
            running = held.taking;
            if (running == null) {
                held.taking = new CompletableFuture<>();
            }
        }
        if (running == null) {
            return take(held, viewer, count, taker);
        }
        if (waitsLeft == 0) {
            return ask(taker, viewer, count); // this page alone; nothing held for the others
        }
        return running.thenCompose(asManyAsAsked -> {
            if (asManyAsAsked) {
                return next(held, viewer, count, taker, waitsLeft - 1);
            }
            synchronized (held) {
                return CompletableFuture.completedFuture(poll(held, count)); // the ranking ran out: what is left
            }
        });
    }

    /**
     * Takes {@code max(takenAhead, count)} from the provider into {@code held} and answers the
     * page of {@code count} that asked for it; {@code held.taking} then tells the waiting pages
     * whether the provider had as many as were asked (false: the ranking ran out).
     */
    private CompletableFuture<List<Long>> take(Held held, long viewer, int count, Taker taker) {
        int asked = Math.max(takenAhead, count);
        return ask(taker, viewer, asked).handle((ids, failure) -> {
            List<Long> page;
            CompletableFuture<Boolean> taking;
            synchronized (held) {
                if (ids != null) {
                    held.ids.addAll(ids);
                }
                page = poll(held, count);
                taking = held.taking;
                held.taking = null;
            }
            if (failure != null) {
                taking.completeExceptionally(failure);
                throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
            }
            taking.complete(ids.size() >= asked);
            return page;
        });
    }

    private static CompletableFuture<List<Long>> ask(Taker taker, long viewer, int count) {
        try {
            return taker.take(viewer, count);
        } catch (RuntimeException e) { // no provider, say
            return CompletableFuture.failedFuture(e);
        }
    }

    private static List<Long> poll(Held held, int count) {
        List<Long> page = new ArrayList<>(Math.min(count, held.ids.size()));
        while (page.size() < count && !held.ids.isEmpty()) {
            page.add(held.ids.poll());
        }
        return page;
    }
}
