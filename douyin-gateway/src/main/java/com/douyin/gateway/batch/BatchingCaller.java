package com.douyin.gateway.batch;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Gathers calls that arrive together into one batch call, as a database gathers commits: a call
 * joins a queue, and while fewer than {@code maxInFlight} batch calls are out the queue goes out
 * at once as one batch; otherwise it goes as soon as a batch comes back. So a lone call goes out
 * alone and waits for nothing, and under a storm a batch holds what arrived during one round trip.
 * Each caller gets a future of its own item's answer (its batch's call failing fails every item of it).
 *
 * <p>The batch call must not block: it returns a future (a Dubbo method returning
 * {@link CompletableFuture} is called asynchronously), and the next batch goes out from the thread
 * that completes it.
 */
public final class BatchingCaller<I, O> {

    private final Function<List<I>, CompletableFuture<List<O>>> batchCall;
    private final int maxBatch;
    private final int maxInFlight;
    private final Duration callTimeout;
    private final Queue<Waiting<I, O>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** An item and its caller's answer. */
    private record Waiting<I, O>(I item, CompletableFuture<O> answer) {
    }

    /**
     * {@code callTimeout}: how long one batch call may take (it is the call's own timeout that
     * ends it; one not over half a second later is ended here, so its slot is freed, and a caller
     * waits at most for two of them, its batch having waited for one before).
     */
    public BatchingCaller(Function<List<I>, CompletableFuture<List<O>>> batchCall, int maxBatch, int maxInFlight, Duration callTimeout) {
        this.batchCall = batchCall;
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
        this.callTimeout = callTimeout;
    }

    /**
     * The answer for {@code item}, to come: the batch call's failure fails it as it is, and a
     * batch that never came back fails it as the service being unavailable. The caller's thread
     * is not held meanwhile (a like waiting for its batch used to hold a Tomcat thread).
     */
    public CompletableFuture<O> submit(I item) {
        Waiting<I, O> waiting = new Waiting<>(item, new CompletableFuture<>());
        queue.add(waiting);
        dispatch();
        return waiting.answer().exceptionallyCompose(failure -> CompletableFuture.failedFuture(asRuntime(failure)));
    }

    /**
     * Sends batches while items wait and a slot is free. An item queued while every slot is taken
     * is not forgotten: it was queued before its caller looked at the slots, so the batch that
     * frees one looks at the queue after that and sends it.
     */
    private void dispatch() {
        while (!queue.isEmpty()) {
            int out = inFlight.get();
            if (out >= maxInFlight) {
                return;
            }
            if (!inFlight.compareAndSet(out, out + 1)) {
                continue;
            }
            List<Waiting<I, O>> batch = new ArrayList<>();
            for (Waiting<I, O> next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
                batch.add(next);
            }
            if (batch.isEmpty()) { // another thread took them
                inFlight.decrementAndGet();
            } else {
                send(batch);
            }
        }
    }

    private void send(List<Waiting<I, O>> batch) {
        CompletableFuture<List<O>> answers;
        try {
            answers = batchCall.apply(batch.stream().map(Waiting::item).toList());
        } catch (RuntimeException e) {
            answers = CompletableFuture.failedFuture(e);
        }
        answers.orTimeout(callTimeout.toMillis() + 500, TimeUnit.MILLISECONDS).whenComplete((outs, error) -> {
            inFlight.decrementAndGet();
            for (int i = 0; i < batch.size(); i++) {
                if (error != null) {
                    batch.get(i).answer().completeExceptionally(error);
                } else {
                    batch.get(i).answer().complete(outs.get(i));
                }
            }
            dispatch();
        });
    }

    private static RuntimeException asRuntime(Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof TimeoutException) {
            return new DouyinException(ErrorCode.SERVICE_UNAVAILABLE);
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
