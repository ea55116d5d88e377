package com.douyin.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SweepTimerTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final Semaphore ran = new Semaphore(0);
    private final AtomicBoolean busy = new AtomicBoolean();

    private SweepTimer timer() {
        return new SweepTimer("sweep-timer-test", () -> {
            runs.incrementAndGet();
            ran.release();
        }, busy::get, Duration.ofMillis(20), Duration.ofHours(1));
    }

    @Test
    void anIdleTimerWaitsForTheSlowBeatAndHurryBringsTheNextRunForward() throws Exception {
        try (SweepTimer timer = timer()) {
            assertThat(ran.tryAcquire(300, TimeUnit.MILLISECONDS)).as("no run before the idle beat").isFalse();

            timer.hurry();

            assertThat(ran.tryAcquire(10, TimeUnit.SECONDS)).as("a run soon after hurry").isTrue();
            assertThat(ran.tryAcquire(300, TimeUnit.MILLISECONDS)).as("not busy: back to the idle beat").isFalse();
            assertThat(runs).hasValue(1);
        }
    }

    @Test
    void whileBusyItRunsAgainAndAgainAndStopsHurryingWhenTheWorkIsDone() throws Exception {
        busy.set(true);
        try (SweepTimer timer = timer()) {
            assertThat(ran.tryAcquire(5, 10, TimeUnit.SECONDS)).as("five quick runs").isTrue();

            busy.set(false);
            Thread.sleep(200); // the quick run already scheduled, if any, happens
            ran.drainPermits();
            int settled = runs.get();

            assertThat(ran.tryAcquire(300, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(runs).hasValue(settled);
        }
    }
}
