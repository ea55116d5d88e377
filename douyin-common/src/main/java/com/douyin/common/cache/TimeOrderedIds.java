package com.douyin.common.cache;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * A page at a time of a Redis sorted set of IDs scored by a time (the videos a user likes, an
 * author's videos), newest first. IDs of the same time come highest first, compared as numbers:
 * Redis orders equal scores by their bytes ("9" after "10"), MySQL's {@code ORDER BY time DESC,
 * id DESC} by value, and a page read from one must go on in the other (Redis out, or rebuilt).
 * A page costs one round trip and reads only what it answers; members that are not IDs (a
 * set's marker) are skipped.
 */
public final class TimeOrderedIds {

    /**
     * KEYS: the set. ARGV: the cursor's time ('+inf' for the first page), its id ('' for none), how
     * many to answer. Nil if the set does not exist; else id/score pairs, newest first. A group of
     * one score is always read whole, so a LIMIT never cuts it in Redis's order.
     */
    private static final String PAGE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return false end
            local want = tonumber(ARGV[3])
            local out = {}
            local function add(members, score, below)
              local ids = {}
              for _, member in ipairs(members) do
                local id = tonumber(member)
                if id and (below == nil or id < below) then ids[#ids + 1] = member end
              end
              table.sort(ids, function(a, b) return tonumber(a) > tonumber(b) end)
              for _, id in ipairs(ids) do
                if #out < 2 * want then out[#out + 1] = id; out[#out + 1] = score end
              end
            end
            local bound = ARGV[1]
            if ARGV[2] ~= '' then
              add(redis.call('ZRANGEBYSCORE', KEYS[1], bound, bound), bound, tonumber(ARGV[2]))
              bound = '(' .. bound
            end
            if #out < 2 * want then
              local chunk = redis.call('ZREVRANGEBYSCORE', KEYS[1], bound, '-inf', 'WITHSCORES', 'LIMIT', 0, want - #out / 2)
              local i = 1
              while i <= #chunk do
                local score = chunk[i + 1]
                local members = {}
                while i <= #chunk and chunk[i + 1] == score do
                  members[#members + 1] = chunk[i]
                  i = i + 2
                end
                if i > #chunk then members = redis.call('ZRANGEBYSCORE', KEYS[1], score, score) end
                add(members, score, nil)
              end
            end
            return out
            """;

    private TimeOrderedIds() {
    }

    /**
     * The page after {@code cursor} (null: the first page) of the set {@code key}: up to
     * {@code count} IDs; null if Redis does not hold the set (to be loaded, then asked again).
     */
    public static CursorPage<Long> page(RedissonClient redisson, String key, PageCursor cursor, int count) {
        List<Object> answer = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY, PAGE, RScript.ReturnType.MULTI,
                List.of(key), cursor == null ? "+inf" : Long.toString(cursor.time()), cursor == null ? "" : Long.toString(cursor.id()),
                Integer.toString(count + 1));
        if (answer == null) {
            return null;
        }
        List<PageCursor> positions = new ArrayList<>(answer.size() / 2);
        for (int i = 0; i + 1 < answer.size(); i += 2) {
            positions.add(new PageCursor((long) Double.parseDouble((String) answer.get(i + 1)), Long.parseLong((String) answer.get(i))));
        }
        CursorPage<PageCursor> page = CursorPage.of(positions, count, position -> position);
        return page.withItems(page.items().stream().map(PageCursor::id).toList());
    }
}
