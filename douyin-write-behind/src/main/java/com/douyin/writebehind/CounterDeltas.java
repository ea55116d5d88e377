package com.douyin.writebehind;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/** Sums a batch of +1/-1 events per counter row, so a batch moves each row once, all rows in one UPDATE. */
public final class CounterDeltas {

    private CounterDeltas() {
    }

    /**
     * Row ID to net change, zero sums left out, in ascending ID order (every consumer locks rows
     * in the same order, so two batches cannot deadlock).
     */
    public static <E> Map<Long, Long> sum(List<E> events, ToLongFunction<E> rowId, ToIntFunction<E> delta) {
        Map<Long, Long> sums = new TreeMap<>();
        for (E event : events) {
            sums.merge(rowId.applyAsLong(event), (long) delta.applyAsInt(event), Long::sum);
        }
        sums.values().removeIf(sum -> sum == 0);
        return sums;
    }
}
