package com.douyin.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Reads that need not be answered at once (a cache entry read again while its old value is still
 * shown), gathered for a moment and made in one call per batch on one thread: entries loaded
 * together come due together, and a call each for a thousand of them was a burst of a thousand calls.
 */
final class GatheredReads<K, V> {

    private record Pending<K, V>(K key, CompletableFuture<V> answer) {
    }

    private final Function<List<K>, List<V>> readAll;
    private final int maxBatch;
    private final Queue<Pending<K, V>> queue = new ConcurrentLinkedQueue<>();
    private final DelayedRun nextDrain;

    /** {@code readAll}: the value of each key, in the keys' order (null for none). */
    GatheredReads(Function<List<K>, List<V>> readAll, ScheduledExecutorService thread, long gatherMs, int maxBatch) {
        this.readAll = readAll;
        this.maxBatch = maxBatch;
        this.nextDrain = new DelayedRun(this::drain, thread, gatherMs);
    }

    /** The value of {@code key}, read within about {@code gatherMs} with the others asked meanwhile. */
    CompletableFuture<V> read(K key) {
        Pending<K, V> pending = new Pending<>(key, new CompletableFuture<>());
        queue.add(pending);
        nextDrain.request();
        return pending.answer();
    }

    private void drain() {
        for (List<Pending<K, V>> batch = next(); !batch.isEmpty(); batch = next()) {
            try {
                List<V> values = readAll.apply(batch.stream().map(Pending::key).toList());
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).answer().complete(values.get(i));
                }
            } catch (RuntimeException e) {
                batch.forEach(pending -> pending.answer().completeExceptionally(e));
            }
        }
    }

    private List<Pending<K, V>> next() {
        List<Pending<K, V>> batch = new ArrayList<>();
        for (Pending<K, V> pending; batch.size() < maxBatch && (pending = queue.poll()) != null; ) {
            batch.add(pending);
        }
        return batch;
    }
}
