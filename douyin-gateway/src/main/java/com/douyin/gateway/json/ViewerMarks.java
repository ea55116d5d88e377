package com.douyin.gateway.json;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a viewer's pages mark, as the favorite and relation providers last answered: which videos
 * they like, which users they follow. Only the viewer's own likes and follows change these, and
 * each of them, through any gateway, drops the viewer's marks everywhere (FeedEntryChanges), so
 * they are kept for {@code douyin.gateway.viewer-marks-ttl} (10 s, the bound should a drop be
 * lost) and a viewer scrolling the feed asks the providers only about what is new on the page.
 */
@Component
public class ViewerMarks {

    private static final int MAX_VIEWERS = 20_000;

    /** One viewer's known answers: video or user ID -> marked. */
    private record Marks(Map<Long, Boolean> liked, Map<Long, Boolean> followed) {
    }

    private final Cache<Long, Marks> viewers;

    public ViewerMarks(@Value("${douyin.gateway.viewer-marks-ttl:10s}") Duration ttl) {
        this.viewers = Caffeine.newBuilder().expireAfterWrite(ttl.isZero() ? Duration.ofNanos(1) : ttl)
                .maximumSize(MAX_VIEWERS).build();
    }

    /** Which of {@code videoIds} the viewer likes: those not known asked of {@code ask} at once. */
    Set<Long> liked(long viewer, Collection<Long> videoIds, Function<List<Long>, Set<Long>> ask) {
        return marked(marksOf(viewer).liked(), videoIds, ask);
    }

    /** Which of {@code userIds} the viewer follows: those not known asked of {@code ask} at once. */
    Set<Long> followed(long viewer, Collection<Long> userIds, Function<List<Long>, Set<Long>> ask) {
        return marked(marksOf(viewer).followed(), userIds, ask);
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
        return viewers.get(viewer, v -> new Marks(new ConcurrentHashMap<>(), new ConcurrentHashMap<>()));
    }

    private static Set<Long> marked(Map<Long, Boolean> known, Collection<Long> ids, Function<List<Long>, Set<Long>> ask) {
        Set<Long> marked = new HashSet<>();
        Set<Long> unknown = null;
        for (Long id : ids) { // (a loop, not a stream: every recommended page passes here twice)
            Boolean mark = known.get(id);
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
            Set<Long> answered = ask.apply(List.copyOf(unknown)); // throws if the provider cannot answer: nothing is kept then
            unknown.forEach(id -> known.put(id, answered.contains(id)));
            marked.addAll(answered);
        }
        return marked;
    }
}
