package com.douyin.gateway.auth;

import com.douyin.api.cache.ActivityKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who used the app today: each signed-in viewer is added to the day's set in Redis
 * ({@link ActivityKeys#activeUsers}, UTC days, kept {@value ActivityKeys#KEPT_DAYS} days), once a
 * day per gateway: the viewers already added today are remembered here, so a request costs a
 * lookup in this JVM, not a Redis command. The message provider sends the daily picks to them.
 * Losing an addition (Redis out a moment) only leaves a viewer without picks that day.
 */
@Component
public class ActiveViewers {

    /** Beyond this many viewers a day this gateway stops remembering (memory) and adds each request's viewer again (Redis ignores repeats). */
    private static final int REMEMBERED_MAX = 200_000;
    private static final Logger log = LoggerFactory.getLogger(ActiveViewers.class);

    /** A day, the instant it ends, and the viewers added on it. */
    private record Day(LocalDate date, long endsAtMs, Set<Long> added) {

        static Day of(LocalDate date) {
            return new Day(date, date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), ConcurrentHashMap.newKeySet());
        }
    }

    private final RedissonClient redisson;
    private final Clock clock;
    private volatile Day today;

    @Autowired
    public ActiveViewers(RedissonClient redisson) {
        this(redisson, Clock.systemUTC());
    }

    ActiveViewers(RedissonClient redisson, Clock clock) {
        this.redisson = redisson;
        this.clock = clock;
        this.today = Day.of(LocalDate.now(clock));
    }

    /** The viewer made a signed-in request now. */
    public void seen(long viewerId) {
        Day current = today;
        if (clock.millis() >= current.endsAtMs()) {
            current = Day.of(LocalDate.now(clock));
            today = current;
        } else if (current.added().contains(viewerId)) {
            return;
        }
        Day day = current;
        if (day.added().size() < REMEMBERED_MAX && !day.added().add(viewerId)) {
            return;
        }
        String key = ActivityKeys.activeUsers(day.date());
        RBatch batch = redisson.createBatch();
        batch.getSet(key, StringCodec.INSTANCE).addAsync(Long.toString(viewerId));
        batch.getSet(key, StringCodec.INSTANCE).expireAsync(Duration.ofDays(ActivityKeys.KEPT_DAYS));
        batch.executeAsync().whenComplete((done, failure) -> {
            if (failure != null) {
                day.added().remove(viewerId); // its next request tries again
                log.debug("Viewer {} not recorded as active: {}", viewerId, failure.toString());
            }
        });
    }
}
