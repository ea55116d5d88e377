package com.douyin.gateway.web;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Where a feed page that needs the providers is put together: off Tomcat's few request threads,
 * which meanwhile answer the pages this gateway already holds. A gateway just started knows no
 * settled page yet; with each of its 8 threads waiting on the video and user providers for one,
 * 200 clients of deep pages timed out. Here up to {@value #THREADS} such pages wait on the
 * providers at once and {@value #QUEUED} more are queued; beyond that the answer is "busy".
 * The work runs in the request's context (its trace, so the provider calls carry it).
 */
@Component
class FeedLoads implements DisposableBean {

    private static final int THREADS = 32;
    private static final int QUEUED = 1_000;

    private final ThreadPoolExecutor threads;
    private final ExecutorService inRequestContext;

    FeedLoads() {
        AtomicInteger count = new AtomicInteger();
        threads = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED), task -> {
            Thread thread = new Thread(task, "feed-load-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.allowCoreThreadTimeOut(true); // none left once every page is held
        ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
        inRequestContext = ContextExecutorService.wrap(threads, snapshots::captureAll);
    }

    /** {@code work}'s answer, made on a load thread. */
    <T> CompletableFuture<T> supply(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, inRequestContext);
        } catch (RejectedExecutionException full) {
            throw new DouyinException(ErrorCode.SERVICE_UNAVAILABLE);
        }
    }

    /** {@code work} on {@code answer} once it arrives, made on a load thread. */
    <A, T> CompletableFuture<T> after(CompletableFuture<A> answer, Function<A, T> work) {
        return answer.thenApplyAsync(work, inRequestContext);
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
