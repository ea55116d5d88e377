package com.douyin.message.assistant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * How many calls of the (paid) model each user may cause: at most {@code perMinute} in a minute
 * and {@code perDay} in a UTC day, counted in Redis so that every message-provider instance
 * shares the counts. A call is counted only when it is allowed, in one script with the check, so
 * parallel messages cannot slip past the limit together.
 */
public class AssistantAllowance {

    /** Why a call may or may not be made. */
    public enum Verdict { ALLOWED, MINUTE_USED_UP, DAY_USED_UP }

    /** KEYS: minute counter, day counter; ARGV: per minute, per day. 1 allowed, 0 minute used up, -1 day used up. */
    private static final String COUNT_IF_ALLOWED = """
            local minute = tonumber(redis.call('GET', KEYS[1]) or '0')
            local day = tonumber(redis.call('GET', KEYS[2]) or '0')
            if day >= tonumber(ARGV[2]) then return -1 end
            if minute >= tonumber(ARGV[1]) then return 0 end
            redis.call('INCR', KEYS[1]); redis.call('EXPIRE', KEYS[1], 120)
            redis.call('INCR', KEYS[2]); redis.call('EXPIRE', KEYS[2], 172800)
            return 1
            """;

    private final RedissonClient redisson;
    private final int perMinute;
    private final int perDay;
    private final Clock clock;

    public AssistantAllowance(RedissonClient redisson, int perMinute, int perDay, Clock clock) {
        this.redisson = redisson;
        this.perMinute = perMinute;
        this.perDay = perDay;
        this.clock = clock;
    }

    /** Counts one model call for {@code userId} if the user has one left. */
    public Verdict take(long userId) {
        long minute = clock.millis() / 60_000;
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // One hash tag, the user's: the script counts both, one slot in a Redis Cluster.
        List<Object> keys = List.of("assistant:calls:{" + userId + "}:minute:" + minute, "assistant:calls:{" + userId + "}:day:" + day);
        Long answer = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, COUNT_IF_ALLOWED,
                RScript.ReturnType.INTEGER, keys, String.valueOf(perMinute), String.valueOf(perDay));
        return answer == 1 ? Verdict.ALLOWED : answer == 0 ? Verdict.MINUTE_USED_UP : Verdict.DAY_USED_UP;
    }
}
