package com.douyin.common.redis;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs a sweep on a daemon thread of its own: every {@code quickly} while {@code busy} says there
 * is work, otherwise every {@code idle}. {@link #hurry} brings the next run forward when work
 * appears, so an idle service wakes rarely (each wake-up of an idle JVM costs CPU that a dozen
 * JVMs on two cores feel) and a busy one is not made to wait for the slow beat.
 */
final class SweepTimer implements AutoCloseable {

    private final Runnable sweep;
    private final BooleanSupplier busy;
    private final long quicklyMillis;
    private final long idleMillis;
    private final ScheduledExecutorService thread;
    /** The run to come, or the one running; guarded by this. */
    private ScheduledFuture<?> next;

    SweepTimer(String threadName, Runnable sweep, BooleanSupplier busy, Duration quickly, Duration idle) {
        this.sweep = sweep;
        this.busy = busy;
        this.quicklyMillis = quickly.toMillis();
        this.idleMillis = idle.toMillis();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        scheduleIn(busy.getAsBoolean() ? quicklyMillis : idleMillis);
    }

    /** There is work: the next run comes within {@code quickly} (at once if one is running). */
    synchronized void hurry() {
        if (next == null || next.getDelay(TimeUnit.MILLISECONDS) > quicklyMillis) {
            if (next != null) {
                next.cancel(false);
            }
            scheduleIn(quicklyMillis);
        }
    }

    private void run() {
        try {
            sweep.run();
        } finally {
            synchronized (this) {
                scheduleIn(busy.getAsBoolean() ? quicklyMillis : idleMillis);
            }
        }
    }

    private synchronized void scheduleIn(long millis) {
        if (!thread.isShutdown()) {
            next = thread.schedule(this::run, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
