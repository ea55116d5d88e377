package com.douyin.relation.cache;

import com.douyin.common.cache.CacheTtl;
import com.douyin.common.cache.CompleteSortedSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RScoredSortedSetAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Each user's friends (whom they follow who follow them back), most recent follow first: a Redis
 * sorted set per user ({@code relation:friends:ID}, each friend scored by when the user followed
 * them), complete or absent (the marker of {@link CompleteSortedSet}), kept {@link #TTL}. A page
 * is one round trip, whatever the user follows; a miss builds the list in a fixed number of round
 * trips ({@link FollowedUsers#followingBack}).
 *
 * <p>Exact: a follow or unfollow between two users deletes both users' lists in the Lua step that
 * changes the follow ({@link FollowedUsers#flip}), with their leases. A build takes a lease
 * ({@code relation:friends:ID:lease}) before it reads anything and stores the list only if the
 * lease is still its own, so a list computed from the follows before a change is never stored
 * after it.
 */
@Component
public class FriendLists {

    private static final Duration TTL = Duration.ofMinutes(10);
    /** Longer than any build takes; a build that outlives it stores nothing. */
    private static final Duration LEASE = Duration.ofSeconds(30);

    /**
     * KEYS: the list, its lease. ARGV: the builder's lease token, the list's TTL (ms), then score
     * and member pairs (the marker among them). Stores the list only if the lease is the token.
     */
    private static final String STORE = """
            if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1], KEYS[2])
            for i = 3, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    private final RedissonClient redisson;
    private final FollowedUsers followed;

    public FriendLists(RedissonClient redisson, FollowedUsers followed) {
        this.redisson = redisson;
        this.followed = followed;
    }

    /** {@code count} of the user's friends from {@code offset}, most recent follow first. */
    public List<Long> page(long userId, int offset, int count) {
        RBatch batch = redisson.createBatch();
        RScoredSortedSetAsync<String> list = batch.getScoredSortedSet(key(userId), StringCodec.INSTANCE);
        int last = (int) Math.min(Integer.MAX_VALUE, (long) offset + count - 1);
        RFuture<Collection<String>> members = list.valueRangeReversedAsync(offset, last);
        RFuture<Double> marker = list.getScoreAsync(CompleteSortedSet.MARKER);
        batch.execute();
        if (marker.toCompletableFuture().join() == null) { // not in Redis
            List<Long> all = build(userId);
            int from = Math.min(offset, all.size());
            return new ArrayList<>(all.subList(from, (int) Math.min(all.size(), (long) from + count)));
        }
        // The marker scores 0, below every friend: it ends the list, so only a last page meets it.
        return members.toCompletableFuture().join().stream()
                .filter(member -> !CompleteSortedSet.MARKER.equals(member)).map(Long::valueOf).toList();
    }

    /** Computes the user's whole list, and stores it unless a follow touched the user meanwhile. */
    private List<Long> build(long userId) {
        String lease = UUID.randomUUID().toString();
        redisson.getBucket(leaseKey(userId), StringCodec.INSTANCE).set(lease, LEASE); // before reading: a change from now on voids it
        LinkedHashMap<Long, Double> following = followed.followingSince(userId);
        Set<Long> back = following.isEmpty() ? Set.of() : followed.followingBack(userId, List.copyOf(following.keySet()));
        List<Object> args = new ArrayList<>(List.of(lease, String.valueOf(CacheTtl.withJitter(TTL).toMillis()),
                "0", CompleteSortedSet.MARKER));
        List<Long> friends = new ArrayList<>();
        for (Map.Entry<Long, Double> followee : following.entrySet()) {
            if (back.contains(followee.getKey())) {
                friends.add(followee.getKey());
                args.add(String.valueOf(followee.getValue().longValue()));
                args.add(String.valueOf(followee.getKey()));
            }
        }
        redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, STORE, RScript.ReturnType.INTEGER,
                List.of(key(userId), leaseKey(userId)), args.toArray());
        return friends;
    }

    /** The user's keys, which a change of any of the user's follows (either way) deletes. */
    public static List<String> keysOf(long userId) {
        return List.of(key(userId), leaseKey(userId));
    }

    /** {@code relation:friends:{ID}}: the list and its lease share the user's hash tag, one slot in a Redis Cluster (the store's script uses both). */
    public static String key(long userId) {
        return "relation:friends:{" + userId + "}";
    }

    private static String leaseKey(long userId) {
        return key(userId) + ":lease";
    }
}
