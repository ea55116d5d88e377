package com.douyin.gateway.json;

import com.douyin.api.common.CursorPage;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a viewer's pages mark, as the favorite and relation providers last answered: which videos
 * they like, which users they follow. Only the viewer's own likes and follows change these, and
 * each of them, through any gateway, drops the viewer's marks everywhere (FeedEntryChanges), so
 * they are kept for {@code douyin.gateway.viewer-marks-ttl} (10 s, the bound should a drop be
 * lost). A viewer who likes (or follows) at most {@link #WHOLE_AT_MOST} is asked for all of them
 * once, and their pages then ask nothing of that provider until the marks expire: most viewers,
 * whose pages would otherwise each ask about their new videos, and a scrolling viewer's every
 * recommended take. A viewer with more is asked only about what is new on a page.
 */
@Component
public class ViewerMarks {

    /** The most likes (or follows) a viewer's marks hold whole: one page of them from their provider. */
    public static final int WHOLE_AT_MOST = CursorPage.MAX_COUNT;
    private static final int MAX_VIEWERS = 20_000;

    /** One viewer's known answers, each kind apart. */
    private record Marks(Known liked, Known followed) {
    }

    /** What is known of one kind of a viewer's marks: all of them, or the answers asked so far (ID -> marked). */
    private static final class Known {
        private volatile boolean wholeAsked;
        /** Every ID marked, when the viewer has few; null: not asked yet, or too many. */
        private volatile Set<Long> whole;
        private final Map<Long, Boolean> answers = new ConcurrentHashMap<>();

        /**
         * All of the viewer's marks of this kind, asked of {@code whole} once (the viewer's
         * concurrent pages wait for that one answer); null when they have too many. An answer that
         * fails is not kept: the next page asks again.
         */
        Set<Long> whole(Supplier<Set<Long>> askWhole) {
            if (!wholeAsked) {
                synchronized (this) {
                    if (!wholeAsked) {
                        whole = askWhole.get();
                        wholeAsked = true;
                    }
                }
            }
            return whole;
        }
    }

    private final Cache<Long, Marks> viewers;

    public ViewerMarks(@Value("${douyin.gateway.viewer-marks-ttl:10s}") Duration ttl) {
        this.viewers = Caffeine.newBuilder().expireAfterWrite(ttl.isZero() ? Duration.ofNanos(1) : ttl)
                .maximumSize(MAX_VIEWERS).build();
    }

    /**
     * Which of {@code videoIds} the viewer likes: from all their likes ({@code whole}: every video
     * they like, or null if they like more than {@link #WHOLE_AT_MOST}), else from the answers
     * known and those not known asked of {@code among} at once.
     */
    Set<Long> liked(long viewer, Collection<Long> videoIds, Supplier<Set<Long>> whole, Function<List<Long>, Set<Long>> among) {
        return marked(marksOf(viewer).liked(), videoIds, whole, among);
    }

    /** Which of {@code userIds} the viewer follows, as {@link #liked} answers for videos. */
    Set<Long> followed(long viewer, Collection<Long> userIds, Supplier<Set<Long>> whole, Function<List<Long>, Set<Long>> among) {
        return marked(marksOf(viewer).followed(), userIds, whole, among);
    }

    /**
     * What the viewer's known marks are now, as a token: answers asked while it stays the same
     * (the same object) still hold, as no like or follow of the viewer's dropped it and it has not
     * expired. (Marks asked once and carried with what they mark are checked against it.)
     */
    public Object version(long viewer) {
        return marksOf(viewer);
    }

    /** Whether {@code version} is still the viewer's: marks asked under it still hold. */
    public boolean stillHolds(long viewer, Object version) {
        return viewers.getIfPresent(viewer) == version;
    }

    /** The viewer liked, unliked, followed or unfollowed: ask the providers again. */
    public void drop(long viewer) {
        viewers.invalidate(viewer);
    }

    private Marks marksOf(long viewer) {
        return viewers.get(viewer, v -> new Marks(new Known(), new Known()));
    }

    private static Set<Long> marked(Known known, Collection<Long> ids, Supplier<Set<Long>> askWhole, Function<List<Long>, Set<Long>> among) {
        Set<Long> whole = known.whole(askWhole);
        Set<Long> marked = new HashSet<>();
        if (whole != null) {
            for (Long id : ids) {
                if (whole.contains(id)) {
                    marked.add(id);
                }
            }
            return marked;
        }
        Set<Long> unknown = null;
        for (Long id : ids) { // (a loop, not a stream: every recommended page passes here twice)
            Boolean mark = known.answers.get(id);
            if (mark == null) {
                if (unknown == null) {
                    unknown = new LinkedHashSet<>();
                }
                unknown.add(id);
            } else if (mark) {
                marked.add(id);
            }
        }
        if (unknown != null) {
            Set<Long> answered = among.apply(List.copyOf(unknown)); // throws if the provider cannot answer: nothing is kept then
            unknown.forEach(id -> known.answers.put(id, answered.contains(id)));
            marked.addAll(answered);
        }
        return marked;
    }
}
