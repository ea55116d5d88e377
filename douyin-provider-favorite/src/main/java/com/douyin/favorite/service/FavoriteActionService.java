package com.douyin.favorite.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.api.favorite.FavoriteChange;
import com.douyin.common.redis.RedisOutage;
import com.douyin.writebehind.ToggleSet;
import com.douyin.writebehind.WriteBehind;
import com.douyin.common.video.VideoAuthors;
import com.douyin.favorite.cache.FavoritedVideos;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A like or unlike, on the {@link WriteBehind} path: one atomic step in Redis (state and cached
 * counters, see {@link FavoritedVideos}), then, only if something changed, a
 * {@link FavoriteChangedEvent} that carries it to MySQL: the favorite rows (this provider's
 * write-behind), video.favorite_count (video provider) and the users' counters (user provider).
 * The answer does not wait for MySQL. The synchronous path is {@link FavoriteDirectWriter}.
 *
 * <p>{@link #changeAll} takes the likes the gateway gathered from concurrent requests: one Redis
 * round trip for all of them, one broker send for those that changed something.
 */
@Service
public class FavoriteActionService {

    private static final Logger log = LoggerFactory.getLogger(FavoriteActionService.class);

    private final FavoritedVideos liked;
    private final VideoAuthors authors;
    private final FavoriteDirectWriter direct;
    private final RedisOutage outage;
    /** Its relay hands on, every 10 s, what was journaled over douyin.journal.in-flight (30 s) ago and not acknowledged. */
    private final WriteBehind<FavoriteChangedEvent> writeBehind;

    public FavoriteActionService(FavoritedVideos liked, VideoAuthors authors, RocketMQTemplate rocketMQ, FavoriteDirectWriter direct,
                                 RedisOutage outage, @Value("${douyin.journal.in-flight:30s}") Duration inFlight) {
        this.liked = liked;
        this.authors = authors;
        this.direct = direct;
        this.outage = outage;
        this.writeBehind = new WriteBehind<>("likes", Topics.FAVORITE, liked.journal(), FavoritedVideos::eventOf, direct, rocketMQ, outage, inFlight);
    }

    public void like(long userId, long videoId) {
        changeOne(new FavoriteChange(userId, videoId, true));
    }

    public void unlike(long userId, long videoId) {
        changeOne(new FavoriteChange(userId, videoId, false));
    }

    /** One change, as a batch of one; its refusal is thrown. */
    private void changeOne(FavoriteChange change) {
        ErrorCode refusal = changeAll(List.of(change)).get(0);
        if (refusal != null) {
            throw new DouyinException(refusal);
        }
    }

    /**
     * Each change as {@link #like} or {@link #unlike} would do it; per change, in order, null or
     * the error that refused it.
     */
    public List<ErrorCode> changeAll(List<FavoriteChange> changes) {
        List<ErrorCode> refusals = new ArrayList<>(Collections.nCopies(changes.size(), null));
        Map<Long, Long> authorOf = authors.authorsOf(changes.stream().map(FavoriteChange::videoId).toList());
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            FavoriteChange c = changes.get(i);
            Long authorId = authorOf.get(c.videoId());
            if (authorId == null) {
                refusals.set(i, ErrorCode.VIDEO_NOT_FOUND);
            } else {
                pending.add(new Pending(i, c.userId(), c.videoId(), authorId, c.like() ? +1 : -1, ToggleSet.newFlipId()));
            }
        }
        // Each change's flip from one pipeline; null for one asked alone after it: all after a Redis
        // outage or error, those Redis left unanswered in a pipeline it answered in part.
        List<ToggleSet.Flip> flips = Collections.nCopies(pending.size(), null);
        boolean partly = false;
        if (pending.size() > 1 && !outage.inEffect()) {
            try {
                flips = liked.flipAll(pending.stream()
                        .map(p -> liked.switchOf(p.flipId(), p.userId(), p.videoId(), p.authorId(), p.delta())).toList());
            } catch (ToggleSet.PartlyAnswered e) {
                log.warn("A batch of {} likes met a Redis error, asking Redis again for those it left unanswered: {}", pending.size(), e.toString());
                flips = e.flips();
                partly = true;
            } catch (RedisException e) {
                // Some may be done: each is then asked again alone, with its flip ID, so none moves twice.
                log.warn("A batch of {} likes met a Redis error, taking them one by one: {}", pending.size(), e.toString());
            }
        }
        List<FavoriteChangedEvent> events = new ArrayList<>();
        Map<FavoriteChangedEvent, String> journalEntries = new IdentityHashMap<>();
        Set<String> keysLeft = new LinkedHashSet<>();
        for (int k = 0; k < pending.size(); k++) {
            Pending p = pending.get(k);
            ToggleSet.Flip flip = flips.get(k);
            if (flip == null) {
                boolean again = partly; // Redis, answering other switches, may have taken this one too
                refusals.set(p.position(), refusalOf(() -> change(p, again)));
            } else if (flip.changed()) { // else a repeat, nothing to store
                FavoriteChangedEvent event = new FavoriteChangedEvent(p.userId(), p.videoId(), p.authorId(), p.delta(), flip.sequence());
                events.add(event);
                journalEntries.put(event, flip.journalEntry());
                keysLeft.addAll(flip.keysLeft());
            }
        }
        writeBehind.handOn(events, journalEntries, keysLeft);
        return refusals;
    }

    /** A change of a known video in {@link #changeAll}: where it stands in the call, and its flip ID. */
    private record Pending(int position, long userId, long videoId, long authorId, int delta, String flipId) {
    }

    private static ErrorCode refusalOf(Runnable change) {
        try {
            change.run();
            return null;
        } catch (DouyinException e) {
            return e.errorCode();
        }
    }

    /** One change alone; {@code again}: Redis may have taken it in a pipeline that failed (its flip ID answers it). */
    private void change(Pending p, boolean again) {
        Supplier<ToggleSet.Flip> flip = () -> liked.flip(p.flipId(), p.userId(), p.videoId(), p.authorId(), p.delta());
        LongFunction<FavoriteChangedEvent> eventOf = sequence -> new FavoriteChangedEvent(p.userId(), p.videoId(), p.authorId(), p.delta(), sequence);
        Runnable inMysql = () -> direct.changeInMysql(p.userId(), p.videoId(), p.authorId(), p.delta());
        if (again) {
            writeBehind.toggleAgain(flip, eventOf, inMysql);
        } else {
            writeBehind.toggle(flip, eventOf, inMysql);
        }
    }

    /** Hands on what the journal kept: from an instance that died, or a moment when neither path worked. */
    @Scheduled(initialDelay = 10_000, fixedDelay = 10_000)
    public void relayJournal() {
        writeBehind.relayJournal();
    }
}
