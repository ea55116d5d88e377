package com.douyin.message.picks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Starts the day's picks ({@link DailyPicks}) once it is {@code douyin.daily-picks.time} in its
 * zone, once across all message providers: every instance looks each {@value #CHECK_SECONDS} s,
 * and the one that gets the day's Redisson lock runs it while the others go on (the lock's
 * watchdog holds it while that instance lives; if it dies, the lock lapses within 30 s and the
 * next instance to look resumes the run, skipping whoever has their picks). A run that sent
 * everyone marks the day done; one in which some sends failed (the video provider out, say) is
 * run again, for those, {@value #RETRY_MINUTES} minutes later, up to {@value #RUNS_PER_DAY} runs a day.
 */
@Component
public class DailyPicksSchedule implements InitializingBean, DisposableBean {

    static final int CHECK_SECONDS = 30;
    static final int RUNS_PER_DAY = 5;
    static final int RETRY_MINUTES = 10;
    private static final Logger log = LoggerFactory.getLogger(DailyPicksSchedule.class);

    private final DailyPicks picks;
    private final RedissonClient redisson;
    private final DailyPicksProperties properties;
    private final Clock clock;
    private ScheduledExecutorService thread;

    @Autowired
    public DailyPicksSchedule(DailyPicks picks, RedissonClient redisson, DailyPicksProperties properties) {
        this(picks, redisson, properties, Clock.systemUTC());
    }

    DailyPicksSchedule(DailyPicks picks, RedissonClient redisson, DailyPicksProperties properties, Clock clock) {
        this.picks = picks;
        this.redisson = redisson;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.enabled()) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "daily-picks");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::checkQuietly, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    private void checkQuietly() {
        try {
            runIfDue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) { // Redis or MySQL out: the next look tries again
            log.warn("Daily picks not run now: {}", e.toString());
        }
    }

    /** Runs the day's picks if their time has come, they are not done and no other instance runs them; whether this one ran them. */
    public boolean runIfDue() throws InterruptedException {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(properties.zone());
        LocalDate day = local.toLocalDate();
        if (local.toLocalTime().isBefore(properties.time()) || isDone(day) || isWaitingToRetry(day)) {
            return false;
        }
        RLock lock = redisson.getLock("picks:lock:" + day);
        if (!lock.tryLock()) {
            return false; // another instance runs them
        }
        try {
            if (isDone(day)) { // it finished between the look and the lock
                return false;
            }
            RAtomicLong runCount = redisson.getAtomicLong("picks:runs:" + day);
            long runs = runCount.incrementAndGet();
            runCount.expire(Duration.ofDays(2));
            DailyPicks.Outcome outcome = picks.send(day, now, redisson);
            log.info("Daily picks of {} (run {}): {} sent, {} failed", day, runs, outcome.sent(), outcome.failed());
            if (outcome.failed() == 0 || runs >= RUNS_PER_DAY) {
                redisson.getBucket(doneKey(day), StringCodec.INSTANCE).set("1", Duration.ofDays(2));
            } else {
                redisson.getBucket(retryKey(day), StringCodec.INSTANCE).set("1", Duration.ofMinutes(RETRY_MINUTES));
            }
            return true;
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    private boolean isDone(LocalDate day) {
        return redisson.getBucket(doneKey(day), StringCodec.INSTANCE).isExists();
    }

    private boolean isWaitingToRetry(LocalDate day) {
        return redisson.getBucket(retryKey(day), StringCodec.INSTANCE).isExists();
    }

    private static String doneKey(LocalDate day) {
        return "picks:done:" + day;
    }

    private static String retryKey(LocalDate day) {
        return "picks:retry-after:" + day;
    }

    @Override
    public void destroy() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
