package com.douyin.gateway.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A first-in first-out queue of longs in one array (8 bytes an ID rather than a boxed Long and a
 * slot: a viewer scrolling on holds up to a ranking of 600 in {@link RecommendedAhead}). Not
 * thread-safe: its owner locks.
 */
final class LongQueue {

    private long[] ring = new long[16];
    private int head;
    private int size;

    int size() {
        return size;
    }

    void addAll(List<Long> values) {
        if (size + values.size() > ring.length) {
            grow(size + values.size());
        }
        for (long value : values) {
            ring[(head + size++) % ring.length] = value;
        }
    }

    /** Up to {@code count} from the head, removed. */
    List<Long> poll(int count) {
        int n = Math.min(count, size);
        List<Long> polled = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            polled.add(ring[head]);
            head = (head + 1) % ring.length;
        }
        size -= n;
        if (size == 0) {
            head = 0;
        }
        return polled;
    }

    private void grow(int needed) {
        long[] larger = new long[Math.max(needed, ring.length * 2)];
        for (int k = 0; k < size; k++) {
            larger[k] = ring[(head + k) % ring.length];
        }
        ring = larger;
        head = 0;
    }
}
