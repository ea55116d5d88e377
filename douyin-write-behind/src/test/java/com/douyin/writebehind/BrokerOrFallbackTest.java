package com.douyin.writebehind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.common.testing.RecordingBroker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;

/**
 * When an event goes through the broker and when it takes the synchronous path. The broker is a
 * {@link RecordingBroker} (it records what it is asked to send, or refuses it as a broker that is
 * down); the circuit breaker is Sentinel's own, in this JVM.
 */
class BrokerOrFallbackTest {

    private static final String TOPIC = "douyin-favorite";

    private final RecordingBroker broker = new RecordingBroker();
    /** A breaker of its own per test: Sentinel keeps a resource's statistics for the JVM's life. */
    private final String resource = "mq:test-" + UUID.randomUUID();
    private final BrokerOrFallback sender = new BrokerOrFallback(broker, resource);
    private final List<FavoriteChangedEvent> written = new ArrayList<>();

    @BeforeAll
    static void meters() {
        Metrics.addRegistry(new SimpleMeterRegistry()); // what a service's Prometheus registry is to the global one
    }

    @AfterEach
    void noRules() {
        DegradeRuleManager.loadRules(List.of());
    }

    private static FavoriteChangedEvent like(long user, long video) {
        return new FavoriteChangedEvent(user, video, 9, +1, 1_700_000_000_000_000L + video);
    }

    private double fallbacks() {
        Counter counter = Metrics.globalRegistry.find("douyin.fallback").tag("path", resource).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<Object> payloads(RecordingBroker.Send send) {
        return send.messages().stream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    private static List<Object> keys(RecordingBroker.Send send) {
        return send.messages().stream().map(m -> m.getHeaders().get(RocketMQHeaders.KEYS)).toList();
    }

    @Test
    void anEventTheBrokerTakesIsSentWithItsKeyAndNotWrittenSynchronously() {
        FavoriteChangedEvent event = like(1, 100);

        sender.send(TOPIC, event, event.eventKey(), () -> written.add(event));

        assertThat(broker.sends()).singleElement().satisfies(send -> {
            assertThat(send.topic()).isEqualTo(TOPIC);
            assertThat(payloads(send)).containsExactly(event);
            assertThat(keys(send)).as("the key consumers deduplicate on").containsExactly("favorite:1:100:1700000000000100");
        });
        assertThat(written).isEmpty();
        assertThat(fallbacks()).isZero();
    }

    @Test
    void anEventTheBrokerRefusesIsWrittenSynchronouslyOnceAndCountedAsAFallback() {
        broker.down(true);
        FavoriteChangedEvent event = like(1, 100);

        sender.send(TOPIC, event, event.eventKey(), () -> written.add(event));

        assertThat(broker.attempts()).isEqualTo(1);
        assertThat(broker.sends()).isEmpty();
        assertThat(written).containsExactly(event);
        assertThat(fallbacks()).isEqualTo(1);
    }

    /** A send reported as failed may have arrived all the same: a caller whose synchronous write fails too hears of it. */
    @Test
    void whenTheSynchronousWriteFailsTooTheCallerGetsItsError() {
        broker.down(true);
        FavoriteChangedEvent event = like(1, 100);

        assertThatThrownBy(() -> sender.send(TOPIC, event, event.eventKey(), () -> {
            throw new IllegalStateException("MySQL is down too");
        })).isInstanceOf(IllegalStateException.class).hasMessage("MySQL is down too");
    }

    @Test
    void aBatchIsOneSendOfOneKeyedMessagePerEventInTheBatchOrder() {
        List<FavoriteChangedEvent> events = List.of(like(3, 300), like(1, 100), like(2, 200));

        sender.sendAll(TOPIC, events, FavoriteChangedEvent::eventKey, written::add);

        assertThat(broker.attempts()).as("one request for the batch").isEqualTo(1);
        assertThat(broker.sends()).singleElement().satisfies(send -> {
            assertThat(payloads(send)).containsExactlyElementsOf(events);
            assertThat(keys(send)).containsExactly("favorite:3:300:1700000000000300", "favorite:1:100:1700000000000100",
                    "favorite:2:200:1700000000000200");
        });
        assertThat(written).isEmpty();
    }

    @Test
    void aBatchTheBrokerRefusesIsWrittenSynchronouslyEventByEventInItsOrder() {
        broker.down(true);
        List<FavoriteChangedEvent> events = List.of(like(3, 300), like(1, 100), like(2, 200));

        sender.sendAll(TOPIC, events, FavoriteChangedEvent::eventKey, written::add);

        assertThat(broker.attempts()).as("the batch is tried once, not event by event").isEqualTo(1);
        assertThat(written).containsExactlyElementsOf(events);
        assertThat(fallbacks()).as("one fallback for the batch").isEqualTo(1);
    }

    @Test
    void aBatchOfOneIsSentAsASingleKeyedMessage() {
        FavoriteChangedEvent event = like(1, 100);

        List<FavoriteChangedEvent> unstored = sender.sendAllOrWrite(TOPIC, List.of(event), FavoriteChangedEvent::eventKey, written::add);

        assertThat(unstored).isEmpty();
        assertThat(broker.sends()).singleElement().satisfies(send -> assertThat(keys(send)).containsExactly(event.eventKey()));
        assertThat(written).isEmpty();
    }

    /** With the broker down, each event is written on its own: one that fails is answered back, the others are stored. */
    @Test
    void sendAllOrWriteAnswersOnlyTheEventsNeitherTheBrokerNorTheWriteTook() {
        broker.down(true);
        FavoriteChangedEvent first = like(1, 100);
        FavoriteChangedEvent refused = like(2, 200);
        FavoriteChangedEvent last = like(3, 300);

        List<FavoriteChangedEvent> unstored = sender.sendAllOrWrite(TOPIC, List.of(first, refused, last), FavoriteChangedEvent::eventKey,
                event -> {
                    if (event == refused) {
                        throw new IllegalStateException("deadlock victim three times");
                    }
                    written.add(event);
                });

        assertThat(unstored).containsExactly(refused);
        assertThat(written).containsExactly(first, last);
    }

    @Test
    void sendAllOrWriteOfNoEventsNeitherSendsNorWrites() {
        List<FavoriteChangedEvent> unstored = sender.sendAllOrWrite(TOPIC, List.of(), FavoriteChangedEvent::eventKey, written::add);

        assertThat(unstored).isEmpty();
        assertThat(broker.attempts()).isZero();
        assertThat(written).isEmpty();
        assertThat(fallbacks()).isZero();
    }

    /**
     * Once sends have failed enough for the breaker's rule (here: more than one error), the broker
     * is not even tried while the breaker is open: every event goes the synchronous way at once.
     */
    @Test
    void whileTheBreakerIsOpenTheBrokerIsNotTriedAndEventsAreWrittenSynchronously() {
        DegradeRule moreThanOneError = new DegradeRule(resource)
                .setGrade(RuleConstant.DEGRADE_GRADE_EXCEPTION_COUNT)
                .setCount(1)
                .setMinRequestAmount(1)
                .setStatIntervalMs(60_000)
                .setTimeWindow(60);
        DegradeRuleManager.loadRules(List.of(moreThanOneError));
        broker.down(true);
        sender.send(TOPIC, like(1, 100), "a", () -> written.add(like(1, 100)));
        sender.send(TOPIC, like(2, 200), "b", () -> written.add(like(2, 200)));
        assertThat(broker.attempts()).isEqualTo(2);

        broker.down(false); // back, but the breaker stays open for its time window
        FavoriteChangedEvent event = like(3, 300);
        sender.send(TOPIC, event, event.eventKey(), () -> written.add(event));
        sender.sendAll(TOPIC, List.of(like(4, 400), like(5, 500)), FavoriteChangedEvent::eventKey, written::add);

        assertThat(broker.attempts()).as("no send while open").isEqualTo(2);
        assertThat(broker.sends()).isEmpty();
        assertThat(written).containsExactly(like(1, 100), like(2, 200), event, like(4, 400), like(5, 500));
        assertThat(fallbacks()).isEqualTo(4);
    }

    /** Without a rule the breaker never opens: a broker that failed is tried again on the next event. */
    @Test
    void withoutABreakerRuleTheBrokerIsTriedForEveryEvent() {
        broker.down(true);
        sender.send(TOPIC, like(1, 100), "a", () -> written.add(like(1, 100)));
        sender.send(TOPIC, like(2, 200), "b", () -> written.add(like(2, 200)));
        broker.down(false);

        FavoriteChangedEvent event = like(3, 300);
        sender.send(TOPIC, event, event.eventKey(), () -> written.add(event));

        assertThat(broker.attempts()).isEqualTo(3);
        assertThat(broker.sends()).singleElement().satisfies(send -> assertThat(payloads(send)).containsExactly(event));
        assertThat(written).containsExactly(like(1, 100), like(2, 200));
    }

    @Test
    void callAnswersTheBrokersValueOrTheFallbacks() {
        assertThat(sender.call("a write", () -> "via broker", () -> "synchronously")).isEqualTo("via broker");
        assertThat(sender.call("a write", () -> {
            throw new MessagingException("broker down");
        }, () -> "synchronously")).isEqualTo("synchronously");
        assertThat(fallbacks()).isEqualTo(1);
    }
}
