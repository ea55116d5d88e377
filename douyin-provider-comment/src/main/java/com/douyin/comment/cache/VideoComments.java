package com.douyin.comment.cache;

import com.douyin.api.comment.CommentDTO;
import com.douyin.api.comment.CommentThreadDTO;
import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.api.event.CommentChangedEvent;
import com.douyin.comment.dao.CommentMapper;
import com.douyin.api.cache.CachedEntity;
import com.douyin.writebehind.ChangeJournal;
import com.douyin.writebehind.CounterHashes;
import com.douyin.writebehind.LaterSteps;
import com.douyin.writebehind.ToggleSet;
import com.douyin.common.cache.CompleteSortedSet;
import com.douyin.common.id.SnowflakeIdGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.OptionalOptions;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each video's comments in Redis: a sorted set ({@link #setKey}) of its visible comments
 * and replies as JSON, scored by their snowflake ID (so by time). Writes reach MySQL later,
 * through RocketMQ, so this set is what reads see first: a comment is listed as soon as it is
 * added. A reply is in the set only while its top-level comment is: adding one checks that the
 * comment is there, and removing a comment removes its replies, in the same Lua step.
 *
 * <p>The set lives {@code cache-ttl} after its last read or write. Only a video nobody touched
 * for that long loses it, and such a video has no change still on its way to MySQL, so the
 * rebuild from MySQL is complete. Adding or deleting moves the cached comment_count of the
 * video ({@code video:counters:ID}) in the same Lua step, only if the set really changed.
 * {@code comment:video-of:ID} remembers each comment's video as long, for a reader that has only
 * the comment's ID (its replies) before the row is in MySQL. The same steps journal each change
 * ({@link #journal}) until it has been handed on to MySQL.
 *
 * <p>A list is read a page at a time, in Redis, never the whole set (a popular video's is many
 * MB). For that the set also counts each thread's replies, as members {@code replies:ID} scored
 * by minus the count (below the marker's 0 and every comment's positive ID, so no range of
 * comments meets them), in the same Lua steps that add and remove replies; a set is loaded with
 * them and the marker {@code reply-counts}. A set cached before counting existed has no marker:
 * the steps leave counting alone and its first page read counts them from the set itself, once.
 */
@Component
public class VideoComments {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * KEYS: set, the journal, then (on one Redis; on a Redis Cluster they are other slots' and the
     * entry keeps them as later steps, see {@link LaterSteps}) video counters, the comment's video.
     * ARGV: id, comment JSON, ttl ms, parent id ('0' for a top-level comment), video id, whether
     * the video's counters must be cached ('1') for an add, the later steps ("" for none). {-1}:
     * not loaded, {-2}: the parent is not there, {-3}: the comment would be added and the counters
     * are not cached (nothing done), else {1, journal entry ID}. Run twice (a command resent after
     * a timeout), it counts and journals the comment once (the second run answers {1, ''}).
     */
    private static final String ADD = CounterHashes.MOVE_COUNTER_LUA + """
            if redis.call('EXISTS', KEYS[1]) == 0 then return {-1, ''} end
            if ARGV[4] ~= '0' and redis.call('ZCOUNT', KEYS[1], ARGV[4], ARGV[4]) == 0 then return {-2, ''} end
            if ARGV[6] == '1' and redis.call('EXISTS', KEYS[3]) == 0 and not redis.call('ZSCORE', KEYS[1], ARGV[2]) then
              return {-3, ''}
            end
            local added = redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            if added == 1 and ARGV[4] ~= '0' and redis.call('ZSCORE', KEYS[1], 'reply-counts') then
              redis.call('ZINCRBY', KEYS[1], -1, 'replies:' .. ARGV[4])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            if #KEYS == 4 then redis.call('SET', KEYS[4], ARGV[5], 'PX', ARGV[3]) end
            if added == 0 then return {1, ''} end
            if #KEYS == 4 then move_counter(KEYS[3], 'comment_count', 1) end
            if ARGV[7] == '' then return {1, redis.call('XADD', KEYS[2], '*', 'r', ARGV[2], 'n', 1)} end
            return {1, redis.call('XADD', KEYS[2], '*', 'r', ARGV[2], 'n', 1, 'a', ARGV[7])}
            """;

    /**
     * KEYS: set, the journal, then (on one Redis) the video counters. ARGV: id, whether the counters
     * must be cached ('1'), the counters' key (on a Redis Cluster the entry keeps their move as a
     * later step, written here as {@link LaterSteps#encode} does, with the delta decided here).
     * Nil: not loaded; {'uncached'}: the comment is there and the counters are not cached (nothing
     * done); else the journal entry ID ('' if nothing was removed), then the members removed: the
     * comment, then (a top-level one) its replies, which are all newer than it; none if it was not there.
     */
    private static final String REMOVE = CounterHashes.MOVE_COUNTER_LUA + """
            if redis.call('EXISTS', KEYS[1]) == 0 then return false end
            local found = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
            if #found == 0 then return {''} end
            if ARGV[2] == '1' and redis.call('EXISTS', KEYS[3]) == 0 then return {'uncached'} end
            local removed = {found[1]}
            if (cjson.decode(found[1]).parentId or 0) == 0 then
              local id = tonumber(ARGV[1])
              for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf')) do
                if cjson.decode(member).parentId == id then removed[#removed + 1] = member end
              end
            end
            for _, member in ipairs(removed) do redis.call('ZREM', KEYS[1], member) end
            if redis.call('ZSCORE', KEYS[1], 'reply-counts') then
              local parent = string.match(found[1], '"parentId":(%d+)')
              if parent == '0' then
                redis.call('ZREM', KEYS[1], 'replies:' .. ARGV[1])
              elseif tonumber(redis.call('ZINCRBY', KEYS[1], 1, 'replies:' .. parent)) >= 0 then
                redis.call('ZREM', KEYS[1], 'replies:' .. parent)
              end
            end
            local answer
            if #KEYS == 3 then
              move_counter(KEYS[3], 'comment_count', -#removed)
              answer = {redis.call('XADD', KEYS[2], '*', 'r', found[1], 'n', -#removed)}
            else
              local later = 'm ' .. ARGV[3] .. ' comment_count ' .. -#removed .. '\\n'
              answer = {redis.call('XADD', KEYS[2], '*', 'r', found[1], 'n', -#removed, 'a', later)}
            end
            for _, member in ipairs(removed) do answer[#answer + 1] = member end
            return answer
            """;

    /**
     * What an add or a delete did, its journal entry (null if it changed nothing now), and the keys
     * its later steps left as they were (a Redis Cluster's primary died: see
     * {@code ToggleSet.Flip#keysLeft}); the caller then writes it to MySQL at once and has them dropped.
     */
    public record Change(List<CommentDTO> comments, String journalEntry, List<String> keysLeft) {
    }

    /**
     * Counts each thread's replies from the set, once, in a set cached before counting existed (see
     * the class comment). Here and below a member's fields are read by pattern, cheaper than
     * decoding it: Jackson writes the numbers as digits, and no quote inside a JSON string is
     * unescaped, so '"parentId":' (or '"id":') is only ever the field itself.
     */
    private static final String COUNT_REPLIES_ONCE = """
            if not redis.call('ZSCORE', KEYS[1], 'reply-counts') then
              local counts = {}
              for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(0', '+inf')) do
                local parent = string.match(member, '"parentId":(%d+)')
                if parent and parent ~= '0' then counts[parent] = (counts[parent] or 0) + 1 end
              end
              for parent, n in pairs(counts) do redis.call('ZADD', KEYS[1], -n, 'replies:' .. parent) end
              redis.call('ZADD', KEYS[1], 0, 'reply-counts')
            end
            """;

    /**
     * KEYS: set. ARGV: the cursor's comment ID ('' for the first page), how many (the page's count
     * + 1), how many members to look at, at most, ttl ms. Nil: not loaded. Else the next page's
     * cursor ID ('' for none), then JSON/reply-count-score pairs of top-level comments, newest
     * first. Replies lie between them: a page that looked at its most stops short and goes on
     * after the last member it looked at, so a page costs at most that much, whatever the set.
     */
    private static final String PAGE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return false end
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            """ + COUNT_REPLIES_ONCE + """
            local want = tonumber(ARGV[2])
            local budget = tonumber(ARGV[3])
            local found = {}
            local looked = 0
            local last = nil
            local bound = ARGV[1] == '' and '+inf' or '(' .. ARGV[1]
            while #found < want and looked < budget do
              local chunk = redis.call('ZREVRANGEBYSCORE', KEYS[1], bound, '(0', 'LIMIT', 0, math.min(want, budget - looked))
              if #chunk == 0 then break end
              for _, member in ipairs(chunk) do
                looked = looked + 1
                last = string.match(member, '"id":(%d+)')
                if string.match(member, '"parentId":(%d+)') == '0' then
                  found[#found + 1] = member
                  if #found == want then break end
                end
              end
              bound = '(' .. last
            end
            local n = #found
            local out = {''}
            if n == want then
              n = want - 1
              out[1] = string.match(found[n], '"id":(%d+)')
            elseif looked >= budget and last then
              out[1] = last
            end
            for i = 1, n do
              out[#out + 1] = found[i]
              out[#out + 1] = redis.call('ZSCORE', KEYS[1], 'replies:' .. string.match(found[i], '"id":(%d+)')) or '0'
            end
            return out
            """;

    /**
     * KEYS: set. ARGV: the top-level comment's ID, offset, count, ttl ms. Nil: not loaded. Else its
     * replies' JSON, oldest first. Replies are newer than their comment: read upwards from it,
     * until the page is full or every reply its count holds was seen.
     */
    private static final String REPLIES = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return false end
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            """ + COUNT_REPLIES_ONCE + """
            local total = -(tonumber(redis.call('ZSCORE', KEYS[1], 'replies:' .. ARGV[1])) or 0)
            local skip = tonumber(ARGV[2])
            local want = tonumber(ARGV[3])
            local out = {}
            local seen = 0
            local bound = '(' .. ARGV[1]
            while seen < total and #out < want do
              local chunk = redis.call('ZRANGEBYSCORE', KEYS[1], bound, '+inf', 'LIMIT', 0, 200)
              if #chunk == 0 then break end
              for _, member in ipairs(chunk) do
                if string.match(member, '"parentId":(%d+)') == ARGV[1] then
                  seen = seen + 1
                  if seen > skip and #out < want then out[#out + 1] = member end
                end
              end
              bound = '(' .. string.match(chunk[#chunk], '"id":(%d+)')
            end
            return out
            """;

    /**
     * At most this many members, comments and replies, are looked at for one page of comments (a
     * hundred long comments take this 2-core machine's Redis a millisecond or two).
     */
    static final int MAX_LOOKED_AT_PER_PAGE = 1_000;
    /** ADD's answers: the set is not in Redis; the video's counters are not cached. */
    private static final long SET_NOT_LOADED = -1;
    private static final long COUNTERS_NOT_CACHED = -3;

    /** The marker of a set whose replies are counted, and the prefix of a count's member (see the class comment). */
    private static final String REPLY_COUNTS = "reply-counts";
    private static final String REPLIES_OF = "replies:";

    /** The hash tags of the journal's shards and of the sets: {c0}..{c63}. */
    private static final String JOURNAL_TAG = "c";

    private final RedissonClient redisson;
    private final CommentMapper comments;
    private final Duration ttl;
    private final ChangeJournal journal;
    private final ToggleSet.CounterOwners counterOwners;
    /** On a Redis Cluster the steps change only the set and its journal shard; the counters and the comment's video are later steps. */
    private final boolean cluster;

    public VideoComments(RedissonClient redisson, CommentMapper comments, @Value("${douyin.comment.cache-ttl:24h}") Duration ttl,
                         ToggleSet.CounterOwners counterOwners) {
        this.redisson = redisson;
        this.comments = comments;
        this.ttl = ttl;
        this.journal = new ChangeJournal(redisson, "journal:comment", JOURNAL_TAG);
        this.cluster = redisson.getConfig().isClusterConfig();
        this.counterOwners = counterOwners;
    }

    /** The changes made here and not yet handed on to MySQL. */
    public ChangeJournal journal() {
        return journal;
    }

    /** The change a journal entry records: the comment, and the change to the count of visible comments. */
    public static CommentChangedEvent eventOf(ChangeJournal.Entry entry) {
        return new CommentChangedEvent(fromJson(entry.record()), (int) entry.number());
    }

    /**
     * Adds the comment: the Change holds it, or nothing if it replies to one that is not in the
     * video's set (deleted meanwhile).
     */
    public Change add(CommentDTO comment) {
        String counters = CachedEntity.VIDEO.countersKey(comment.videoId());
        String later = "";
        List<Object> keys = new ArrayList<>(List.of(setKey(comment.videoId()), journalShard(comment.videoId())));
        if (cluster) {
            later = LaterSteps.encode(List.of(new LaterSteps.Move(counters, CachedEntity.COMMENT_COUNT, 1)), List.of())
                    + LaterSteps.setting(videoOfKey(comment.id()), ttl.toMillis(), String.valueOf(comment.videoId()));
            cacheCountersIfMissing(comment.videoId());
        } else {
            keys.addAll(List.of(counters, videoOfKey(comment.id())));
        }
        Object[] args = {String.valueOf(comment.id()), toJson(comment), String.valueOf(ttl.toMillis()),
                String.valueOf(comment.parentId()), String.valueOf(comment.videoId()), cluster ? "0" : "1", later};
        List<Object> added;
        long state;
        for (int attempt = 1; ; attempt++) {
            added = evalMulti(ADD, keys, args);
            state = ((Number) added.get(0)).longValue();
            if (attempt == 3 || (state != SET_NOT_LOADED && state != COUNTERS_NOT_CACHED)) {
                break;
            }
            if (state == SET_NOT_LOADED) {
                commentSet(comment.videoId()).load();
            } else {
                cacheCounters(comment.videoId());
                args[5] = "0"; // cached, or the video provider could not: the comment goes in either way
            }
        }
        String entry = String.valueOf(added.get(1));
        if (state <= 0) {
            return new Change(List.of(), null, List.of());
        }
        String entryId = entry.isEmpty() ? null : journal.entryOf(setKey(comment.videoId()), entry);
        List<String> left = entryId != null && cluster ? LaterSteps.takeOrKeysLeft(redisson, Map.of(entryId, later)) : List.of();
        return new Change(List.of(comment), entryId, left);
    }

    /** Removes the comment and, a top-level one, its replies; the Change holds what was removed (none if it was not there). */
    public Change remove(long videoId, long commentId) {
        boolean countersFirst = !cluster;
        if (cluster) {
            cacheCountersIfMissing(videoId);
        }
        List<String> answer = removeMembers(videoId, commentId, countersFirst);
        for (int attempt = 1; attempt < 3 && (answer == null || answer.get(0).equals("uncached")); attempt++) {
            if (answer == null) {
                commentSet(videoId).load();
            } else {
                cacheCounters(videoId);
                countersFirst = false;
            }
            answer = removeMembers(videoId, commentId, countersFirst);
        }
        List<CommentDTO> removed = answer.subList(1, answer.size()).stream().map(VideoComments::fromJson).toList();
        String entryId = answer.get(0).isEmpty() ? null : journal.entryOf(setKey(videoId), answer.get(0));
        List<String> left = entryId != null && cluster ? LaterSteps.takeOrKeysLeft(redisson, Map.of(entryId, LaterSteps.encode(List.of(
                new LaterSteps.Move(CachedEntity.VIDEO.countersKey(videoId), CachedEntity.COMMENT_COUNT, -removed.size())), List.of())))
                : List.of();
        return new Change(removed, entryId, left);
    }

    /** One visible comment or reply of the video, or null. */
    public CommentDTO find(long videoId, long commentId) {
        CompleteSortedSet comments = commentSet(videoId);
        Collection<String> found = comments.set().valueRange(commentId, true, commentId, true);
        if (found.isEmpty() && !comments.set().isExists()) {
            comments.load();
            found = comments.set().valueRange(commentId, true, commentId, true);
        }
        return found.isEmpty() ? null : fromJson(found.iterator().next());
    }

    /**
     * A page of the video's top-level comments, newest first, after {@code cursor} (null: from the
     * newest), with their reply counts; loads the set if Redis has none.
     */
    public CursorPage<CommentThreadDTO> page(long videoId, PageCursor cursor, int count) {
        List<Object> keys = List.of(setKey(videoId));
        Object[] args = {cursor == null ? "" : String.valueOf(cursor.id()), String.valueOf(count + 1),
                String.valueOf(MAX_LOOKED_AT_PER_PAGE), String.valueOf(ttl.toMillis())};
        List<String> answer = evalMulti(PAGE, keys, args);
        if (answer == null) {
            commentSet(videoId).load();
            answer = evalMulti(PAGE, keys, args);
        }
        List<CommentThreadDTO> threads = new ArrayList<>();
        for (int i = 1; i + 1 < answer.size(); i += 2) {
            threads.add(new CommentThreadDTO(fromJson(answer.get(i)), (long) -Double.parseDouble(answer.get(i + 1))));
        }
        String next = answer.get(0);
        return new CursorPage<>(threads, next.isEmpty() ? null : positionOf(Long.parseLong(next)));
    }

    /** A top-level comment's replies, oldest first, {@code count} from {@code offset}; loads the set if Redis has none. */
    public List<CommentDTO> replies(long videoId, long commentId, int offset, int count) {
        List<Object> keys = List.of(setKey(videoId));
        Object[] args = {String.valueOf(commentId), String.valueOf(offset), String.valueOf(count), String.valueOf(ttl.toMillis())};
        List<String> answer = evalMulti(REPLIES, keys, args);
        if (answer == null) {
            commentSet(videoId).load();
            answer = evalMulti(REPLIES, keys, args);
        }
        return answer.stream().map(VideoComments::fromJson).toList();
    }

    /** KEYS: set. ARGV: the member as it was, the member now, its score. 1 if the member was there and is replaced. */
    private static final String REPLACE = """
            if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then
              redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
              return 1
            end
            return 0
            """;

    /**
     * Masks a comment of the video's set (moderated): each character of its text a '*', as its row's
     * (CommentMapper#maskContent). Nothing when the set is not cached (it is loaded from the rows).
     */
    public void maskContent(long videoId, long commentId) {
        for (String member : redisson.<String>getScoredSortedSet(setKey(videoId), StringCodec.INSTANCE)
                .valueRange(commentId, true, commentId, true)) {
            CommentDTO comment = fromJson(member);
            String masked = "*".repeat(comment.content().codePointCount(0, comment.content().length()));
            CommentDTO replaced = new CommentDTO(comment.id(), comment.videoId(), comment.userId(), comment.parentId(), masked,
                    comment.createdAt());
            redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, REPLACE, RScript.ReturnType.INTEGER,
                    List.of(setKey(videoId)), member, toJson(replaced), String.valueOf(commentId));
        }
    }

    /** Where a comment stands in the list: comments are ordered by their IDs, whose time is their created_time. */
    private static PageCursor positionOf(long commentId) {
        return new PageCursor(SnowflakeIdGenerator.timestampOf(commentId), commentId);
    }

    /** The video a comment was added to, whether or not it is still visible; null for an unknown comment. */
    public Long videoOf(long commentId) {
        String cached = redisson.<String>getBucket(videoOfKey(commentId), StringCodec.INSTANCE).get();
        return cached != null ? Long.valueOf(cached) : comments.findVideoOf(commentId);
    }

    /**
     * Has the video provider cache the video's counters (a change moves them only where cached,
     * and a hash built from MySQL before the change got there would miss it until it expired).
     */
    private void cacheCounters(long videoId) {
        CounterHashes.askToCache(counterOwners, List.of(CachedEntity.VIDEO.countersKey(videoId)));
    }

    /** On a Redis Cluster, where the steps cannot see the video's counters: has them cached first if Redis does not hold them. */
    private void cacheCountersIfMissing(long videoId) {
        CounterHashes.cacheMissing(redisson, Map.of(counterOwners, Set.of(CachedEntity.VIDEO.countersKey(videoId))));
    }

    private String journalShard(long videoId) {
        return journal.shardOf(setKey(videoId));
    }

    private List<String> removeMembers(long videoId, long commentId, boolean countersFirst) {
        String counters = CachedEntity.VIDEO.countersKey(videoId);
        List<Object> keys = new ArrayList<>(List.of(setKey(videoId), journalShard(videoId)));
        if (!cluster) {
            keys.add(counters);
        }
        // Never sent twice: a second run would answer "nothing removed" for what the first removed,
        // and the removal would not reach MySQL. A timeout fails the call instead, which the row decides.
        RScript once = redisson.getScript(OptionalOptions.defaults().codec(StringCodec.INSTANCE).retryAttempts(0));
        List<String> removed = once.eval(RScript.Mode.READ_WRITE, REMOVE, RScript.ReturnType.MULTI, keys, String.valueOf(commentId),
                countersFirst ? "1" : "0", counters);
        return removed;
    }

    /** A script's list answer (strings, and numbers as Long). */
    private <T> List<T> evalMulti(String script, List<Object> keys, Object... args) {
        return redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.MULTI, keys, args);
    }

    /** The video's set, rebuilt from MySQL when Redis has none. */
    private CompleteSortedSet commentSet(long videoId) {
        return new CompleteSortedSet(redisson, setKey(videoId), () -> {
            Map<String, Double> members = new HashMap<>();
            Map<Long, Integer> replyCounts = new HashMap<>();
            for (CommentDTO comment : comments.findVisible(videoId)) {
                members.put(toJson(comment), (double) comment.id());
                if (comment.parentId() != 0) {
                    replyCounts.merge(comment.parentId(), 1, Integer::sum);
                }
            }
            replyCounts.forEach((parentId, count) -> members.put(REPLIES_OF + parentId, (double) -count));
            members.put(REPLY_COUNTS, 0d);
            return members;
        }, ttl);
    }

    private static String toJson(CommentDTO comment) {
        try {
            return JSON.writeValueAsString(comment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CommentDTO fromJson(String json) {
        try {
            return JSON.readValue(json, CommentDTO.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code comment:video:{cN}:ID}: tagged with the video's journal shard, which a change appends to in the same step. */
    public static String setKey(long videoId) {
        return "comment:video:" + ChangeJournal.tag(JOURNAL_TAG, videoId) + ":" + videoId;
    }

    static String videoOfKey(long commentId) {
        return "comment:video-of:" + commentId;
    }
}
