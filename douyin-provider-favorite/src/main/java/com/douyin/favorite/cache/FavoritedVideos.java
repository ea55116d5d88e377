package com.douyin.favorite.cache;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.cache.CachedEntity;
import com.douyin.writebehind.ChangeJournal;
import com.douyin.common.cache.CompleteSortedSet;
import com.douyin.common.cache.TimeOrderedIds;
import com.douyin.writebehind.ToggleSet;
import com.douyin.favorite.dao.FavoriteMapper;
import com.douyin.favorite.dao.FavoritedVideo;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Who likes what, in Redis: one sorted set per user ({@link #setKey}, video ID scored
 * by the time of the like). It is the truth until the write-behind consumer has stored a change
 * in MySQL, so it has no TTL; if Redis loses it, it is rebuilt from MySQL.
 *
 * <p>A like or unlike is one Lua step ({@link ToggleSet}): it changes the set and, only if the set changed, the
 * cached counters of the video ({@code video:counters:ID} favorite_count), the liker
 * ({@code user:counters:ID} favorite_count) and the author (total_favorited); a hash Redis does
 * not hold is cached by its owner first ({@link ToggleSet.CounterOwners}), so that a reader never
 * builds it from MySQL without the change. The owners of those rows apply the same change to MySQL from the change event and
 * never move these cached fields themselves, so each number has one writer per store. The same
 * step journals the change ({@link #journal}) until it has been handed on to MySQL.
 */
@Component
public class FavoritedVideos {

    /** The hash tags of the journal's shards and of the sets: {f0}..{f63}. */
    private static final String JOURNAL_TAG = "f";

    private final RedissonClient redisson;
    private final FavoriteMapper favorites;
    private final ChangeJournal journal;
    private final ToggleSet.CounterOwners counterOwners;

    public FavoritedVideos(RedissonClient redisson, FavoriteMapper favorites, ToggleSet.CounterOwners counterOwners) {
        this.redisson = redisson;
        this.favorites = favorites;
        this.journal = new ChangeJournal(redisson, "journal:favorite", JOURNAL_TAG);
        this.counterOwners = counterOwners;
    }

    /** Likes ({@code delta} +1) or unlikes (-1) atomically with the cached counters; see {@link ToggleSet#flip}. */
    public ToggleSet.Flip flip(String flipId, long userId, long videoId, long authorId, int delta) {
        ToggleSet.Switch s = switchOf(flipId, userId, videoId, authorId, delta);
        return s.set().flip(s.flipId(), s.member(), s.delta(), s.counters(), s.record());
    }

    /** The changes made here and not yet handed on to MySQL. */
    public ChangeJournal journal() {
        return journal;
    }

    /** The change a journal entry records (its number is the change's sequence). */
    public static FavoriteChangedEvent eventOf(ChangeJournal.Entry entry) {
        String[] f = entry.record().split(":");
        return new FavoriteChangedEvent(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]), entry.number());
    }

    /** Several likes and unlikes in one round trip, each as {@link #flip} would do it; see {@link ToggleSet#flipAll}. */
    public List<ToggleSet.Flip> flipAll(List<ToggleSet.Switch> switches) {
        return ToggleSet.flipAll(redisson, switches);
    }

    /** The switch of one like or unlike, for {@link #flipAll}. */
    public ToggleSet.Switch switchOf(String flipId, long userId, long videoId, long authorId, int delta) {
        return new ToggleSet.Switch(new ToggleSet(redisson, likedSet(userId), journal, counterOwners), flipId, String.valueOf(videoId), delta, List.of(
                new ToggleSet.Counter(CachedEntity.VIDEO.countersKey(videoId), CachedEntity.FAVORITE_COUNT),
                new ToggleSet.Counter(CachedEntity.USER.countersKey(userId), CachedEntity.FAVORITE_COUNT),
                new ToggleSet.Counter(CachedEntity.USER.countersKey(authorId), CachedEntity.TOTAL_FAVORITED)),
                userId + ":" + videoId + ":" + authorId + ":" + delta);
    }

    /** Which of these videos the user likes. */
    public Set<Long> likedAmong(long userId, Collection<Long> videoIds) {
        List<String> members = videoIds.stream().map(String::valueOf).toList();
        return likedSet(userId).among(members).stream().map(Long::valueOf).collect(Collectors.toSet());
    }

    /** A page of the user's liked videos, most recent first, after {@code cursor} (null: from the most recent). */
    public CursorPage<Long> page(long userId, PageCursor cursor, int count) {
        CursorPage<Long> page = TimeOrderedIds.page(redisson, setKey(userId), cursor, count);
        if (page == null) {
            likedSet(userId).load();
            page = TimeOrderedIds.page(redisson, setKey(userId), cursor, count);
        }
        return page;
    }

    /** The user's set, rebuilt from MySQL when Redis has none. */
    private CompleteSortedSet likedSet(long userId) {
        return new CompleteSortedSet(redisson, setKey(userId), () -> {
            Map<String, Double> members = new HashMap<>();
            for (FavoritedVideo liked : favorites.findLiked(userId)) {
                members.put(String.valueOf(liked.videoId()), (double) liked.likedAt());
            }
            return members;
        }, null);
    }

    /** {@code favorite:liked:{fN}:ID}: tagged with the user's journal shard, which a like appends to in the same step. */
    public static String setKey(long userId) {
        return "favorite:liked:" + ChangeJournal.tag(JOURNAL_TAG, userId) + ":" + userId;
    }
}
