package com.douyin.gateway.web;

import com.douyin.api.video.VideoService;
import com.douyin.gateway.json.VideoJsonMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A viewer's recommended videos taken from the video provider ahead of their pages, so that most
 * pages cost the gateway no call to the video provider: a page is served from what is held here,
 * and when fewer than five pages' worth are left the next take starts in the background, so the
 * viewer's next pages do not wait for it. A take grows with the viewer's scrolling: the first takes
 * {@code douyin.gateway.recommended-taken-ahead} (90: three pages of 30), a later one as many as
 * this viewer was already shown here, up to {@link VideoService#RECOMMENDED_TAKE_MAX} (600, a
 * whole ranking): a viewer who reads a page or two costs a call per three pages, one who keeps
 * scrolling a call per twenty. What is taken counts as shown for the provider (later rankings leave it out, so two
 * gateways never show a viewer the same video), so a viewer who stops scrolling leaves unseen at
 * most what they were shown here (at least the first take), and at most 600 and five pages. A like
 * of the viewer's does not drop what is held: the next take is ranked with it, and a page never
 * shows what the viewer likes anyway. One take per viewer at a time in this gateway: concurrent
 * pages of one viewer that find too few held wait for it (the page that started it is served
 * first; one that waited twice in vain takes its own page). Held for {@code
 * douyin.gateway.recommended-held} (10 min, as long as the provider's queue lives). A take comes
 * with the viewer's marks among its videos (which they like, whose authors they follow), asked
 * once for the take; each page goes out with them when they cover all its videos, so a page need
 * not look up its videos' marks one by one (the page checks they still hold).
 */
@Component
class RecommendedAhead {

    static final int DEFAULT_TAKEN_AHEAD = 90;
    private static final int MAX_VIEWERS = 20_000;
    /** A page waits for at most this many takes of other pages (each may be emptied by the viewer's other pages). */
    private static final int WAITS_PER_PAGE = 2;
    /**
     * The next take starts when fewer than this many pages are held: under load a take answers in
     * tens of milliseconds, in which a viewer's concurrent pages used up two pages (each that found
     * too few waited for the take and was answered asynchronously, the dearer way), not five.
     */
    private static final int PAGES_LEFT_TO_TAKE_AT = 5;

    /** Takes up to {@code count} of the viewer's next recommended videos from the video provider. */
    interface Taker {
        CompletableFuture<Videos> take(long viewer, int count);
    }

    /** Videos (a take, a page), and the viewer's marks among them if they were asked for all of them (else null). */
    record Videos(List<Long> ids, VideoJsonMapper.CarriedMarks marks) {
    }

    /** One viewer's videos taken and not shown yet, the take under way (null: none) and how many were shown. */
    private static final class Held {
        final LongQueue ids = new LongQueue();
        /** The take under way: completes with whether the provider had as many as were asked (false: the ranking ran out). */
        CompletableFuture<Boolean> taking;
        /** Videos shown from here: the size of the next take. */
        long shown;
        /** The last take found nothing to rank: the next one waits for a page that finds too few. */
        boolean nothingLeft;
        /** The marks of the held videos after the first {@link #unmarked} (null: none). */
        VideoJsonMapper.CarriedMarks marks;
        /** How many of the held videos, from the first, the marks do not cover. */
        int unmarked;

        /** Adds a take's videos and marks: marks asked under another version, or none, cover only what comes after. */
        void add(Videos taken) {
            if (taken.marks() == null) {
                marks = null;
                unmarked = ids.size() + taken.ids().size();
            } else if (marks != null && marks.version() == taken.marks().version()) {
                marks = marks.plus(taken.marks());
            } else {
                marks = taken.marks();
                unmarked = ids.size();
            }
            ids.addAll(taken.ids());
        }
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
    CompletableFuture<Videos> next(long viewer, int count, Taker taker) {
        return next(viewers.get(viewer, v -> new Held()), viewer, count, taker, WAITS_PER_PAGE);
    }

    /**
     * A page served from what is held starts the next take in the background when fewer than two
     * pages are left. A page that finds too few held starts a take and is served first from it,
     * under the lock that adds it; a page that finds a take under way waits for it and looks
     * again. After {@code waitsLeft} such waits (the viewer's other pages emptied each take) it
     * takes its own page, so no page answers short while the ranking has more.
     */
    private CompletableFuture<Videos> next(Held held, long viewer, int count, Taker taker, int waitsLeft) {
        CompletableFuture<Boolean> running = null;
        Videos page = null;
        int asked = 0;
        synchronized (held) {
            if (held.ids.size() >= count) {
                page = poll(held, count);
                if (held.taking == null && !held.nothingLeft && held.ids.size() < PAGES_LEFT_TO_TAKE_AT * count) {
                    held.taking = new CompletableFuture<>();
                    asked = takeSize(held, count);
                }
            } else {
                running = held.taking;
                if (running == null) {
                    held.taking = new CompletableFuture<>();
                    held.nothingLeft = false;
                    asked = takeSize(held, count);
                }
            }
        }
        if (page != null) {
            if (asked > 0) {
                take(held, viewer, asked, 0, taker); // ahead, in the background: no page waits for it
            }
            return CompletableFuture.completedFuture(page);
        }
        if (running == null) {
            return take(held, viewer, asked, count, taker);
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

    /** As many as this viewer was shown here, at least the first take's size and a page, at most what the provider hands at once. */
    private int takeSize(Held held, int count) {
        long grown = Math.min(VideoService.RECOMMENDED_TAKE_MAX, Math.max(takenAhead, held.shown));
        return (int) Math.max(count, grown);
    }

    /**
     * Takes {@code asked} from the provider into {@code held} and answers the page of {@code
     * count} that asked for it (0: a take ahead, which answers nothing); {@code held.taking} then
     * tells the waiting pages whether the provider had as many as were asked (false: the ranking
     * ran out). Called with {@code held.taking} set to a new future.
     */
    private CompletableFuture<Videos> take(Held held, long viewer, int asked, int count, Taker taker) {
        return ask(taker, viewer, asked).handle((taken, failure) -> {
            Videos page;
            CompletableFuture<Boolean> taking;
            boolean asManyAsAsked = taken != null && taken.ids().size() >= asked;
            synchronized (held) {
                if (taken != null) {
                    held.add(taken);
                    // (A short take is the end of a ranking: the next one starts over, so it is taken ahead all the same.)
                    held.nothingLeft = taken.ids().isEmpty();
                }
                page = poll(held, count);
                taking = held.taking;
                held.taking = null;
            }
            if (failure != null) {
                taking.completeExceptionally(failure);
                throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
            }
            taking.complete(asManyAsAsked);
            return page;
        });
    }

    private static CompletableFuture<Videos> ask(Taker taker, long viewer, int count) {
        try {
            return taker.take(viewer, count);
        } catch (RuntimeException e) { // no provider, say
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Up to {@code count} of the held videos, now shown, with their marks if those cover them all. */
    private static Videos poll(Held held, int count) {
        List<Long> ids = held.ids.poll(count);
        held.shown += ids.size();
        VideoJsonMapper.CarriedMarks marks = held.unmarked == 0 ? held.marks : null;
        held.unmarked = Math.max(0, held.unmarked - ids.size());
        return new Videos(ids, marks);
    }
}
