package com.douyin.common.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A service whose name server does not answer when it starts still starts (its writes take the
 * synchronous path meanwhile): its consumers count as running and ask again every few seconds
 * (BatchEventConsumerIT: and consume once it answers). Nothing listens on the port used here.
 */
class BatchEventConsumerWithoutNameServerTest {

    record Sample(String name) {
    }

    static final class Samples extends BatchEventConsumer<Sample> {
        Samples(String group) {
            super("127.0.0.1:1", group, "no-name-server-test", Sample.class, 16);
        }

        @Override
        protected void consume(List<Sample> events) {
        }
    }

    @Test
    void aConsumerStartsWhileTheNameServerDoesNotAnswerAndStopsAskingWhenStopped() {
        Samples samples = new Samples("no-name-server-" + UUID.randomUUID().toString().substring(0, 8));

        samples.start(); // does not throw: the service starts

        assertThat(samples.isRunning()).as("started: asking again").isTrue();
        assertThat(samples.client()).as("no client runs yet").isNull();
        samples.stop();
        assertThat(samples.isRunning()).isFalse();
    }
}
