package com.douyin.common.dubbo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.dubbo.common.timer.Timer;
import org.apache.dubbo.rpc.model.FrameworkModel;
import org.junit.jupiter.api.Test;

class CoarseCallTimeoutsTest {

    @Test
    void dubboStartingPutsTheCoarseTimerInPlaceOfItsOwn() throws Exception {
        FrameworkModel framework = new FrameworkModel(); // runs the ScopeModelInitializers, as a service's start does
        try {
            Timer timer = CoarseCallTimeouts.dubboTimerReference().get();
            assertThat(timer).isInstanceOf(CoarseCallTimeouts.CoarseTimer.class);

            CountDownLatch fired = new CountDownLatch(1);
            long start = System.nanoTime();
            timer.newTimeout(timeout -> fired.countDown(), 250, TimeUnit.MILLISECONDS);
            assertThat(fired.await(2, TimeUnit.SECONDS)).as("a timeout still fires").isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(240L, 250L + 2 * CoarseCallTimeouts.TICK_MS);
        } finally {
            framework.destroy();
        }
    }

    @Test
    void installingTwiceKeepsTheOneTimer() throws Exception {
        assertThat(CoarseCallTimeouts.install()).isTrue();
        Timer first = CoarseCallTimeouts.dubboTimerReference().get();
        assertThat(CoarseCallTimeouts.install()).isTrue();
        assertThat(CoarseCallTimeouts.dubboTimerReference().get()).isSameAs(first);
    }
}
