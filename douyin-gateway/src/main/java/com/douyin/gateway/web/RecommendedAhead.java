package com.douyin.gateway.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A viewer's recommended videos taken from the video provider ahead of their pages: one call takes
 * {@value #TAKEN_AHEAD} (three pages of 30), and the viewer's next pages come from here, so most
 * pages cost the gateway no call to the video provider. What is taken counts as shown for the
 * provider (later rankings leave it out), so a viewer who stops scrolling leaves at most two
 * pages' worth unseen. A like of the viewer's does not drop what is held: the next take is ranked
 * with it, and a page never shows what the viewer likes anyway. One take per viewer at a time in
 * this gateway: concurrent pages of one viewer wait for it. Held for {@code
 * douyin.gateway.recommended-held} (10 min, as long as the provider's queue lives).
 */
@Component
class RecommendedAhead {

    static final int TAKEN_AHEAD = 90;
    private static final int MAX_VIEWERS = 20_000;
    /** A page waits for at most this many takes (another page of the viewer may empty the first). */
    private static final int TAKES_PER_PAGE = 2;

    /** Takes up to {@code count} of the viewer's next recommended videos from the video provider. */
    interface Taker {
        CompletableFuture<List<Long>> take(long viewer, int count);
    }

    /** One viewer's videos taken and not shown yet, and the take under way (null: none). */
    private static final class Held {
        final ArrayDeque<Long> ids = new ArrayDeque<>();
        /** Completes with whether the provider had as many as were asked (false: the ranking ran out). */
        CompletableFuture<Boolean> taking;
    }

    private final Cache<Long, Held> viewers;

    RecommendedAhead(@Value("${douyin.gateway.recommended-held:10m}") Duration held) {
        this.viewers = Caffeine.newBuilder().maximumSize(MAX_VIEWERS).expireAfterAccess(held).build();
    }

    /** The viewer's next {@code count} videos; fewer when their ranking runs out. */
    CompletableFuture<List<Long>> next(long viewer, int count, Taker taker) {
        return next(viewers.get(viewer, v -> new Held()), viewer, count, taker, TAKES_PER_PAGE);
    }

    private CompletableFuture<List<Long>> next(Held held, long viewer, int count, Taker taker, int takesLeft) {
        CompletableFuture<Boolean> mine = null;
        CompletableFuture<Boolean> taking;
        synchronized (held) {
            if (held.ids.size() >= count || takesLeft == 0) {
                return CompletableFuture.completedFuture(poll(held, count));
            }
            if (held.taking == null) {
                mine = new CompletableFuture<>();
                held.taking = mine;
            }
            taking = held.taking;
        }
        if (mine != null) {
            take(held, viewer, Math.max(TAKEN_AHEAD, count), taker, mine);
        }
        return taking.thenCompose(asManyAsAsked -> {
            if (asManyAsAsked) {
                return next(held, viewer, count, taker, takesLeft - 1);
            }
            synchronized (held) {
                return CompletableFuture.completedFuture(poll(held, count)); // the ranking ran out: what is left
            }
        });
    }

    /** Takes {@code asked} from the provider into {@code held}; {@code done} tells how it went. */
    private static void take(Held held, long viewer, int asked, Taker taker, CompletableFuture<Boolean> done) {
        CompletableFuture<List<Long>> answer;
        try {
            answer = taker.take(viewer, asked);
        } catch (RuntimeException e) { // no provider, say
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((ids, failure) -> {
            synchronized (held) {
                if (ids != null) {
                    held.ids.addAll(ids);
                }
                held.taking = null;
            }
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(ids.size() >= asked);
            }
        });
    }

    private static List<Long> poll(Held held, int count) {
        List<Long> page = new ArrayList<>(Math.min(count, held.ids.size()));
        while (page.size() < count && !held.ids.isEmpty()) {
            page.add(held.ids.poll());
        }
        return page;
    }
}
