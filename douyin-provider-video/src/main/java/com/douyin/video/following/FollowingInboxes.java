package com.douyin.video.following;

import com.douyin.api.common.PageCursor;
import com.douyin.video.dao.AuthoredVideoKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScoredSortedSetAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each viewer's inbox of the following feed, in Redis: a sorted set of the newest videos of the
 * accounts they follow ({@code feed:inbox:{VIEWER}}, member {@code VIDEO:AUTHOR}, scored by publish
 * time, at most {@code douyin.feed.inbox-size}), and beside it the authors whose videos it holds
 * ({@code feed:inbox:{VIEWER}:authors}, author to the time of the follow it was filled for, or
 * {@code pending} while it is being filled). A publish is pushed only into the inboxes that hold
 * its author; the reader fills in an author it does not hold yet ({@link #markPending}, then the
 * author's videos from MySQL, then {@link #fill}). Marking before reading MySQL is what makes the
 * two meet: a publish whose push came before the mark was committed before the reader's query.
 *
 * <p>The member {@code *} (score +inf) says the authors hash belongs to this set: an inbox Redis
 * lost (evicted, expired) takes its hash with it, and the next read fills it again. Both keys live
 * {@code douyin.feed.inbox-ttl} after the last read: an inbox nobody reads goes.
 */
@Component
public class FollowingInboxes {

    static final String PENDING = "pending";
    private static final String MARKER = "*";

    /**
     * KEYS: inbox, authors. ARGV: ttl ms, then the authors followed now. Answers the held authors
     * that are still followed with what they were filled for (pairs); forgets the others.
     */
    private static final String HELD = """
            if not redis.call('ZSCORE', KEYS[1], '*') then
              redis.call('DEL', KEYS[2])
              redis.call('ZADD', KEYS[1], 'inf', '*')
            end
            local followed = {}
            for i = 2, #ARGV do followed[ARGV[i]] = true end
            local held = redis.call('HGETALL', KEYS[2])
            local answer = {}
            for i = 1, #held, 2 do
              if followed[held[i]] then
                answer[#answer + 1] = held[i]
                answer[#answer + 1] = held[i + 1]
              else
                redis.call('HDEL', KEYS[2], held[i])
              end
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return answer
            """;

    /** KEYS: inbox, authors. ARGV: ttl ms, then authors. */
    private static final String MARK_PENDING = """
            redis.call('ZADD', KEYS[1], 'inf', '*')
            for i = 2, #ARGV do redis.call('HSET', KEYS[2], ARGV[i], 'pending') end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return 1
            """;

    /** Keeps the newest ARGV[size] entries (the marker, scored +inf, is never among the lowest). */
    private static final String TRIM = """
            local function trim(key, size)
              local entries = redis.call('ZCARD', key) - 1
              if entries > size then redis.call('ZREMRANGEBYRANK', key, 0, entries - size - 1) end
            end
            """;

    /**
     * KEYS: inbox, authors. ARGV: ttl ms, size, number of authors n, then n author/followed-at
     * pairs, then score/member pairs. Nothing if the inbox went meanwhile (the next read fills it).
     */
    private static final String FILL = TRIM + """
            if not redis.call('ZSCORE', KEYS[1], '*') then return 0 end
            local n = tonumber(ARGV[3])
            for i = 4, 3 + 2 * n, 2 do
              if redis.call('HGET', KEYS[2], ARGV[i]) == 'pending' then redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
            end
            for i = 4 + 2 * n, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
            trim(KEYS[1], tonumber(ARGV[2]))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return 1
            """;

    /** KEYS: inbox, authors. ARGV: size, author, score, member. Only into an inbox that holds the author. */
    private static final String PUSH = TRIM + """
            if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 0 then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
            trim(KEYS[1], tonumber(ARGV[1]))
            return 1
            """;

    private final RedissonClient redisson;
    private final int size;
    private final Duration ttl;

    public FollowingInboxes(RedissonClient redisson, @Value("${douyin.feed.inbox-size:500}") int size,
                            @Value("${douyin.feed.inbox-ttl:7d}") Duration ttl) {
        this.redisson = redisson;
        this.size = size;
        this.ttl = ttl;
    }

    /** How many videos an inbox keeps. */
    public int size() {
        return size;
    }

    /**
     * The authors the viewer's inbox holds, among {@code followed}, each with the time of the
     * follow it was filled for ({@link #PENDING} while being filled); forgets the unfollowed ones,
     * so following them again fills them again. Starts an empty inbox if there is none.
     */
    public Map<Long, String> held(long viewerId, Collection<Long> followed) {
        List<Object> args = new ArrayList<>(followed.size() + 1);
        args.add(Long.toString(ttl.toMillis()));
        followed.forEach(author -> args.add(Long.toString(author)));
        List<Object> answer = script().eval(RScript.Mode.READ_WRITE, HELD, RScript.ReturnType.MULTI, keys(viewerId), args.toArray());
        Map<Long, String> held = new HashMap<>();
        for (int i = 0; i + 1 < answer.size(); i += 2) {
            held.put(Long.valueOf((String) answer.get(i)), (String) answer.get(i + 1));
        }
        return held;
    }

    /** Before the authors' videos are read from MySQL: from now on their publishes are pushed here. */
    public void markPending(long viewerId, Collection<Long> authors) {
        List<Object> args = new ArrayList<>(authors.size() + 1);
        args.add(Long.toString(ttl.toMillis()));
        authors.forEach(author -> args.add(Long.toString(author)));
        script().eval(RScript.Mode.READ_WRITE, MARK_PENDING, RScript.ReturnType.INTEGER, keys(viewerId), args.toArray());
    }

    /** The authors' newest videos, read after {@link #markPending}; {@code followedAt}: each author's follow time. */
    public void fill(long viewerId, Map<Long, Long> followedAt, List<AuthoredVideoKey> videos) {
        List<Object> args = new ArrayList<>();
        args.add(Long.toString(ttl.toMillis()));
        args.add(Integer.toString(size));
        args.add(Integer.toString(followedAt.size()));
        followedAt.forEach((author, at) -> {
            args.add(Long.toString(author));
            args.add(Long.toString(at));
        });
        for (AuthoredVideoKey video : videos) {
            args.add(Long.toString(video.publishedAt()));
            args.add(member(video));
        }
        script().eval(RScript.Mode.READ_WRITE, FILL, RScript.ReturnType.INTEGER, keys(viewerId), args.toArray());
    }

    /** A publish into the inboxes of these followers that hold its author: one pipelined round trip. */
    public void push(Collection<Long> followerIds, AuthoredVideoKey video) {
        RBatch batch = redisson.createBatch();
        String sha = redisson.getScript(StringCodec.INSTANCE).scriptLoad(PUSH);
        for (long follower : followerIds) {
            batch.getScript(StringCodec.INSTANCE).evalShaAsync(RScript.Mode.READ_WRITE, sha, RScript.ReturnType.INTEGER, keys(follower),
                    Integer.toString(size), Long.toString(video.authorId()), Long.toString(video.publishedAt()), member(video));
        }
        batch.execute();
    }

    /**
     * The inbox's newest {@code count} videos after {@code cursor} by the authors {@code followed}
     * accepts, newest first (a whole group of one publish time, so it may be a few more), and the
     * oldest video it holds when it is full: the feed reaches back no further than that.
     */
    public Page page(long viewerId, PageCursor cursor, int count, LongPredicate followed) {
        RScoredSortedSet<String> inbox = redisson.getScoredSortedSet(inboxKey(viewerId), StringCodec.INSTANCE);
        double max = cursor.time() == Long.MAX_VALUE ? Double.MAX_VALUE : cursor.time();
        int chunk = Math.max(2 * count, 16);
        RBatch batch = redisson.createBatch();
        RScoredSortedSetAsync<String> batched = batch.getScoredSortedSet(inboxKey(viewerId), StringCodec.INSTANCE);
        batched.sizeAsync();
        batched.entryRangeAsync(0, 0);
        batched.entryRangeReversedAsync(Double.NEGATIVE_INFINITY, true, max, true, 0, chunk);
        List<?> answers = batch.execute().getResponses();
        int entries = ((Number) answers.get(0)).intValue() - 1;
        @SuppressWarnings("unchecked")
        Collection<ScoredEntry<String>> lowest = (Collection<ScoredEntry<String>>) answers.get(1);
        AuthoredVideoKey horizon = entries >= size && !lowest.isEmpty() ? parse(lowest.iterator().next()) : null;

        // Not the marker, after the cursor, by an author followed now.
        Predicate<AuthoredVideoKey> wanted = video -> video != null && cursor.isFollowedBy(video.publishedAt(), video.id())
                && followed.test(video.authorId());
        LinkedHashMap<Long, AuthoredVideoKey> found = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Collection<ScoredEntry<String>> read = (Collection<ScoredEntry<String>>) answers.get(2);
        int offset = 0;
        Double lastScore = null;
        while (true) {
            for (ScoredEntry<String> entry : read) {
                AuthoredVideoKey video = parse(entry);
                if (wanted.test(video)) {
                    found.put(video.id(), video);
                    lastScore = entry.getScore();
                }
            }
            offset += read.size();
            if (read.size() < chunk || found.size() >= count) {
                break;
            }
            read = inbox.entryRangeReversed(Double.NEGATIVE_INFINITY, true, max, true, offset, chunk);
        }
        if (found.size() >= count && lastScore != null) {
            // Redis orders one score's members by their bytes, the feed by ID: take the whole group.
            for (ScoredEntry<String> entry : inbox.entryRange(lastScore, true, lastScore, true)) {
                AuthoredVideoKey video = parse(entry);
                if (wanted.test(video)) {
                    found.putIfAbsent(video.id(), video);
                }
            }
        }
        return new Page(new ArrayList<>(found.values()), horizon);
    }

    /** Videos of the inbox after the cursor, and the oldest it holds if it is full (null if not). */
    public record Page(List<AuthoredVideoKey> videos, AuthoredVideoKey horizon) {
    }

    private static String member(AuthoredVideoKey video) {
        return video.id() + ":" + video.authorId();
    }

    /** Null for the marker. */
    private static AuthoredVideoKey parse(ScoredEntry<String> entry) {
        String member = entry.getValue();
        int colon = member.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new AuthoredVideoKey(Long.parseLong(member.substring(0, colon)), Long.parseLong(member.substring(colon + 1)),
                entry.getScore().longValue());
    }

    private RScript script() {
        return redisson.getScript(StringCodec.INSTANCE);
    }

    /** Both keys share a hash tag, so one script may touch both in Redis Cluster. */
    private static List<Object> keys(long viewerId) {
        return List.of(inboxKey(viewerId), inboxKey(viewerId) + ":authors");
    }

    static String inboxKey(long viewerId) {
        return "feed:inbox:{" + viewerId + "}";
    }
}
