package com.douyin.gateway.web;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task run on its thread {@code delayMs} after the first request since its last run: requests
 * made meanwhile are served by that one run, and with no request nothing wakes.
 */
final class DelayedRun {

    private final Runnable task;
    private final ScheduledExecutorService thread;
    private final long delayMs;
    private final AtomicBoolean due = new AtomicBoolean();

    DelayedRun(Runnable task, ScheduledExecutorService thread, long delayMs) {
        this.task = task;
        this.thread = thread;
        this.delayMs = delayMs;
    }

    /** @throws RejectedExecutionException if the thread is shut down (the next request tries again) */
    void request() {
        if (due.compareAndSet(false, true)) {
            try {
                thread.schedule(this::run, delayMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                due.set(false);
                throw e;
            }
        }
    }

    private void run() {
        due.set(false); // a request from now on is for the next run; those made until now are served by this one
        task.run();
    }
}
