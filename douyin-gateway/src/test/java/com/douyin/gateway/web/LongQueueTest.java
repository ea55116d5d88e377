package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LongQueueTest {

    @Test
    void pollsInTheOrderAddedAcrossGrowthAndWrapAround() {
        LongQueue queue = new LongQueue();
        List<Long> polled = new ArrayList<>();
        long next = 1;
        for (int round = 0; round < 50; round++) { // adds 7 and polls 5 a round: the ring wraps and grows
            List<Long> added = LongStream.range(next, next + 7).boxed().toList();
            next += 7;
            queue.addAll(added);
            polled.addAll(queue.poll(5));
        }
        assertThat(queue.size()).isEqualTo(100);
        polled.addAll(queue.poll(1_000));
        assertThat(queue.size()).isZero();
        assertThat(polled).containsExactlyElementsOf(LongStream.range(1, next).boxed().toList());
    }

    @Test
    void pollsNoMoreThanHeld() {
        LongQueue queue = new LongQueue();
        queue.addAll(List.of(5L, 6L));
        assertThat(queue.poll(30)).containsExactly(5L, 6L);
        assertThat(queue.poll(30)).isEmpty();
        queue.addAll(List.of(7L));
        assertThat(queue.poll(1)).containsExactly(7L);
    }
}
