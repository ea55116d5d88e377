package com.douyin.relation.cache;

import com.douyin.api.event.FollowChangedEvent;
import com.douyin.api.cache.CachedEntity;
import com.douyin.writebehind.ChangeJournal;
import com.douyin.common.cache.CompleteSortedSet;
import com.douyin.writebehind.ToggleSet;
import com.douyin.relation.dao.FollowMapper;
import com.douyin.relation.dao.FollowedUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Whom each user follows, in Redis: one sorted set per user ({@link #setKey},
 * followee scored by the time of the follow). It is the truth until the write-behind consumer has
 * stored a change in MySQL, so it has no TTL; if Redis loses it, it is rebuilt from MySQL.
 * Followers are not kept in Redis (a star has millions): they are paged from MySQL.
 *
 * <p>A follow or unfollow is one Lua step ({@link ToggleSet}): it changes the set and, only if it
 * changed, the cached follow_count of the follower and follower_count of the followee
 * ({@code user:counters:ID}; a hash Redis does not hold is cached by the user provider first,
 * see {@link ToggleSet.CounterOwners}), and deletes both users' friend lists
 * ({@link FriendLists}). The user provider applies the same change to MySQL from the change event
 * and never moves these cached fields itself. The same step journals the change
 * ({@link #journal}) until it has been handed on to MySQL.
 */
@Component
public class FollowedUsers {

    /** The hash tags of the journal's shards and of the sets: {r0}..{r63}. */
    private static final String JOURNAL_TAG = "r";

    private final RedissonClient redisson;
    private final FollowMapper follows;
    private final ChangeJournal journal;
    private final ToggleSet.CounterOwners counterOwners;

    public FollowedUsers(RedissonClient redisson, FollowMapper follows, ToggleSet.CounterOwners counterOwners) {
        this.redisson = redisson;
        this.follows = follows;
        this.journal = new ChangeJournal(redisson, "journal:relation", JOURNAL_TAG);
        this.counterOwners = counterOwners;
    }

    /**
     * Follows ({@code delta} +1) or unfollows (-1) atomically with the cached counters and the
     * two users' friend lists; see {@link ToggleSet#flip}.
     */
    public ToggleSet.Flip flip(String flipId, long followerId, long followeeId, int delta) {
        List<String> friendLists = new ArrayList<>(FriendLists.keysOf(followerId));
        friendLists.addAll(FriendLists.keysOf(followeeId));
        return new ToggleSet(redisson, followingSet(followerId), journal, counterOwners).flip(flipId, String.valueOf(followeeId), delta, List.of(
                new ToggleSet.Counter(CachedEntity.USER.countersKey(followerId), CachedEntity.FOLLOW_COUNT),
                new ToggleSet.Counter(CachedEntity.USER.countersKey(followeeId), CachedEntity.FOLLOWER_COUNT)),
                followerId + ":" + followeeId + ":" + delta, friendLists);
    }

    /** The changes made here and not yet handed on to MySQL. */
    public ChangeJournal journal() {
        return journal;
    }

    /** The change a journal entry records (its number is the change's sequence). */
    public static FollowChangedEvent eventOf(ChangeJournal.Entry entry) {
        String[] f = entry.record().split(":");
        return new FollowChangedEvent(Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), entry.number());
    }

    /** Which of these users the user follows. */
    public Set<Long> followingAmong(long userId, Collection<Long> userIds) {
        List<String> members = userIds.stream().map(String::valueOf).toList();
        return followingSet(userId).among(members).stream().map(Long::valueOf).collect(Collectors.toSet());
    }

    /** A page of whom the user follows, most recent first: {@code count} from the {@code offset}-th, read as such. */
    public List<Long> following(long userId, int offset, int count) {
        return followingSet(userId).highestFirst(offset, count).stream().map(Long::valueOf).toList();
    }

    /** Everyone the user follows and since when (epoch ms), most recent first. */
    public LinkedHashMap<Long, Double> followingSince(long userId) {
        LinkedHashMap<Long, Double> following = new LinkedHashMap<>();
        followingSet(userId).highestFirstWithScores().forEach((member, score) -> following.put(Long.valueOf(member), score));
        return following;
    }

    /**
     * Which of {@code candidates} follow the user, in two round trips whatever their number: one
     * batch asks each candidate's set (and whether it is loaded), one query asks the rows of
     * those whose set Redis does not have. Their rows are what loading the set would read, and
     * nothing is loaded: a set that no one's own follow needs stays out of Redis.
     */
    public Set<Long> followingBack(long userId, List<Long> candidates) {
        Set<Long> back = new HashSet<>();
        List<Long> notLoaded = ask(userId, candidates, back);
        if (!notLoaded.isEmpty()) {
            back.addAll(follows.followersAmong(userId, notLoaded));
        }
        return back;
    }

    /** Adds to {@code back} the candidates whose set holds the user; answers those with no set in Redis. */
    private List<Long> ask(long userId, List<Long> candidates, Set<Long> back) {
        RBatch batch = redisson.createBatch();
        for (long candidate : candidates) {
            batch.<String>getScoredSortedSet(setKey(candidate), StringCodec.INSTANCE)
                    .getScoreAsync(List.of(String.valueOf(userId), CompleteSortedSet.MARKER));
        }
        List<?> answers = batch.execute().getResponses();
        List<Long> notLoaded = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            List<?> scores = (List<?>) answers.get(i);
            if (scores.get(1) == null) {
                notLoaded.add(candidates.get(i));
            } else if (scores.get(0) != null) {
                back.add(candidates.get(i));
            }
        }
        return notLoaded;
    }

    /** The user's set, rebuilt from MySQL when Redis has none. */
    private CompleteSortedSet followingSet(long userId) {
        return new CompleteSortedSet(redisson, setKey(userId), () -> {
            Map<String, Double> members = new HashMap<>();
            for (FollowedUser followed : follows.findFollowing(userId)) {
                members.put(String.valueOf(followed.userId()), (double) followed.followedAt());
            }
            return members;
        }, null);
    }

    /** {@code relation:following:{rN}:ID}: tagged with the user's journal shard, which a follow appends to in the same step. */
    public static String setKey(long userId) {
        return "relation:following:" + ChangeJournal.tag(JOURNAL_TAG, userId) + ":" + userId;
    }
}
