package com.douyin.common.mq;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.RealInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Against the real name server and broker: an event with a field this version does not know is
 * read all the same (a newer instance sent it), and one that cannot be read at all is parked in
 * the group's dead-letter queue and counted, not dropped.
 */
@ExtendWith(RealInfrastructure.class)
class BatchEventConsumerIT {

    record Sample(String name) {
    }

    static final class Samples extends BatchEventConsumer<Sample> {
        final Queue<String> names = new ConcurrentLinkedQueue<>();

        Samples(String group, String topic) {
            this("127.0.0.1:9876", group, topic);
        }

        Samples(String nameServer, String group, String topic) {
            super(nameServer, group, topic, Sample.class, 16);
        }

        @Override
        protected void consume(List<Sample> events) {
            events.forEach(event -> names.add(event.name()));
        }
    }

    @Test
    void unknownFieldsAreIgnoredAndAnUnreadableEventIsParkedAndCounted() throws Exception {
        Metrics.addRegistry(new SimpleMeterRegistry()); // what a service's Prometheus registry is to the global one
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "park-it-" + run;
        String group = "park-it-" + run;
        DefaultMQProducer producer = new DefaultMQProducer("park-it-producer-" + run);
        producer.setNamesrvAddr("127.0.0.1:9876");
        producer.start();
        Samples samples = new Samples(group, topic);
        DefaultMQPushConsumer deadLetters = new DefaultMQPushConsumer("park-it-reader-" + run);
        Queue<String> parked = new ConcurrentLinkedQueue<>();
        try {
            // Sent first (the topic is made by the first send); a new group reads a new topic from its start.
            send(producer, topic, "{\"name\":\"from a newer instance\",\"addedLater\":42}");
            send(producer, topic, "{not json");
            send(producer, topic, "{\"name\":\"plain\"}");
            samples.start();

            Counter parkedCount = Metrics.globalRegistry.counter("douyin.mq.parked", "group", group);
            for (long deadline = System.currentTimeMillis() + 60_000;
                 (samples.names.size() < 2 || parkedCount.count() < 1) && System.currentTimeMillis() < deadline; Thread.sleep(200)) {
            }
            assertThat(samples.names).containsExactlyInAnyOrder("from a newer instance", "plain");
            assertThat(parkedCount.count()).isEqualTo(1);

            deadLetters.setNamesrvAddr("127.0.0.1:9876");
            deadLetters.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            deadLetters.subscribe("%DLQ%" + group, "*");
            deadLetters.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(message -> parked.add(new String(message.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            deadLetters.start();
            for (long deadline = System.currentTimeMillis() + 60_000; parked.isEmpty() && System.currentTimeMillis() < deadline; ) {
                Thread.sleep(200);
            }
            assertThat(parked).as("the dead-letter queue of " + group).containsExactly("{not json");
        } finally {
            deadLetters.shutdown();
            samples.stop();
            producer.shutdown();
        }
    }

    /**
     * A consumer started while its name server does not answer (here: a port where nothing listens
     * yet, then a relay to the real one) asks again until it answers, then consumes.
     */
    @Test
    void aConsumerStartedWhileTheNameServerWasDownConsumesOnceItAnswers() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "late-it-" + run;
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // free: nothing listens there until the relay below
        }
        DefaultMQProducer producer = new DefaultMQProducer("late-it-producer-" + run);
        producer.setNamesrvAddr("127.0.0.1:9876");
        producer.start();
        Samples samples = new Samples("127.0.0.1:" + port, "late-it-" + run, topic);
        try {
            send(producer, topic, "{\"name\":\"sent before the consumer could look\"}");
            samples.start();
            assertThat(samples.client()).as("the name server does not answer yet").isNull();

            try (TcpRelay relay = new TcpRelay(port, 9876)) {
                for (long deadline = System.currentTimeMillis() + 60_000;
                     samples.names.isEmpty() && System.currentTimeMillis() < deadline; Thread.sleep(200)) {
                }
                assertThat(samples.names).containsExactly("sent before the consumer could look");
            }
        } finally {
            samples.stop();
            producer.shutdown();
        }
    }

    /** Listens on {@code port} and passes every connection's bytes both ways to 127.0.0.1:{@code target}. */
    private static final class TcpRelay implements AutoCloseable {
        private final ServerSocket server;

        TcpRelay(int port, int target) throws Exception {
            server = new ServerSocket(port);
            daemon(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket in = server.accept();
                        Socket out = new Socket("127.0.0.1", target);
                        daemon(() -> pipe(in, out));
                        daemon(() -> pipe(out, in));
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "tcp-relay");
            thread.setDaemon(true);
            thread.start();
        }

        private static void pipe(Socket from, Socket to) {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (Exception ended) {
                // either side closed
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private static void send(DefaultMQProducer producer, String topic, String body) throws Exception {
        producer.send(new Message(topic, body.getBytes(StandardCharsets.UTF_8)));
    }
}
