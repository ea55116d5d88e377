package com.douyin.favorite.mq;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.Topics;
import com.douyin.common.testing.NameServerWithoutTopics;
import com.douyin.favorite.dao.FavoriteRow;
import com.douyin.favorite.dao.RecordingFavoriteMapper;
import com.douyin.favorite.service.FavoriteRowWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.apache.rocketmq.spring.support.RocketMQMessageConverter;
import org.apache.rocketmq.spring.support.RocketMQUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConverter;

/**
 * What the write-behind consumer makes of the messages of a batch: the bytes RocketMQTemplate
 * sends (as the favorite action sends them), read by the listener the consumer registers, down to
 * the rows handed to SQL. No broker: the consumer's client is started against a name server that
 * knows no topic, and the test hands each batch to its listener as the client would.
 */
class FavoriteWriteBehindConsumerTest {

    private static final long T = 1_700_000_000_123_456L;
    private static final RecordingFavoriteMapper statements = new RecordingFavoriteMapper();
    private static NameServerWithoutTopics nameServer;
    private static FavoriteWriteBehindConsumer consumer;
    private static MessageListenerConcurrently listener;

    /** One consumer for the class, as in a provider: its listener keeps nothing between batches. */
    @BeforeAll
    static void start() {
        nameServer = new NameServerWithoutTopics();
        consumer = new FavoriteWriteBehindConsumer(new FavoriteRowWriter(statements), nameServer.address(),
                "favorite-write-behind-test-" + UUID.randomUUID());
        consumer.start();
        listener = (MessageListenerConcurrently) consumer.client().getMessageListener();
    }

    @AfterAll
    static void stop() {
        consumer.stop();
        nameServer.close();
    }

    @BeforeEach
    void noRowsYet() {
        statements.upserts.clear();
        statements.failing = null;
    }

    /**
     * The message RocketMQTemplate makes of an event as BrokerOrFallback hands it over (the event key
     * as the message key): its converter's JSON, then the RocketMQ message of it.
     */
    private static MessageExt sentAsTheTemplateSendsIt(FavoriteChangedEvent event) {
        MessageConverter converter = new RocketMQMessageConverter().getMessageConverter(); // the template's (RocketMQAutoConfiguration)
        org.springframework.messaging.Message<?> converted = converter.toMessage(event,
                new MessageHeaders(Map.of(RocketMQHeaders.KEYS, event.eventKey())));
        Message sent = RocketMQUtil.convertToRocketMessage(converter, "UTF-8", Topics.FAVORITE, converted);
        return received(sent.getBody(), sent.getKeys());
    }

    private static MessageExt received(String json) {
        return received(json.getBytes(StandardCharsets.UTF_8), "some-key");
    }

    private static MessageExt received(byte[] body, String keys) {
        MessageExt message = new MessageExt();
        message.setTopic(Topics.FAVORITE);
        message.setBody(body);
        message.setKeys(keys);
        message.setMsgId(UUID.randomUUID().toString());
        return message;
    }

    private ConsumeConcurrentlyStatus deliver(MessageExt... batch) {
        return listener.consumeMessage(List.of(batch), new ConsumeConcurrentlyContext(new MessageQueue(Topics.FAVORITE, "broker-a", 0)));
    }

    @Test
    void eventsAsTheActionSendsThemBecomeOneStatementOfRows() {
        ConsumeConcurrentlyStatus status = deliver(
                sentAsTheTemplateSendsIt(new FavoriteChangedEvent(1, 100, 900, +1, T)),
                sentAsTheTemplateSendsIt(new FavoriteChangedEvent(2, 100, 900, +1, T + 1)),
                sentAsTheTemplateSendsIt(new FavoriteChangedEvent(1, 200, 901, -1, T + 2)));

        assertThat(status).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThat(statements.upserts).singleElement().isEqualTo(List.of(
                new FavoriteRow(1, 100, true, T / 1000, T),
                new FavoriteRow(1, 200, false, (T + 2) / 1000, T + 2),
                new FavoriteRow(2, 100, true, (T + 1) / 1000, T + 1)));
    }

    @Test
    void theJsonTheTemplateSendsNamesTheEventsFieldsOnly() {
        MessageExt message = sentAsTheTemplateSendsIt(new FavoriteChangedEvent(1, 100, 900, +1, T));

        assertThat(new String(message.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"userId\":1,\"videoId\":100,\"authorId\":900,\"delta\":1,\"sequence\":1700000000123456}");
        assertThat(message.getKeys()).isEqualTo("favorite:1:100:1700000000123456");
    }

    /** In a rolling upgrade a newer instance may send a field this version does not know: the event is read all the same. */
    @Test
    void aFieldThisVersionDoesNotKnowIsIgnored() {
        ConsumeConcurrentlyStatus status = deliver(received(
                "{\"userId\":1,\"videoId\":100,\"authorId\":900,\"delta\":1,\"sequence\":1700000000123456,\"source\":\"feed\",\"extra\":{\"a\":[1,2]}}"));

        assertThat(status).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThat(statements.rows()).containsExactly(new FavoriteRow(1, 100, true, T / 1000, T));
    }

    @Test
    void fieldsInAnyOrderAreReadByName() {
        deliver(received("{\"sequence\":1700000000123456,\"delta\":-1,\"authorId\":900,\"videoId\":100,\"userId\":1}"));

        assertThat(statements.rows()).containsExactly(new FavoriteRow(1, 100, false, T / 1000, T));
    }

    /**
     * A message that cannot be read is parked in the dead-letter queue, never dropped; with no
     * broker to park it in, the whole batch fails (to be redelivered) and none of it is stored,
     * not even the readable events.
     */
    @Test
    void anUnreadableMessageThatCannotBeParkedFailsTheWholeBatch() {
        ConsumeConcurrentlyStatus status = deliver(
                sentAsTheTemplateSendsIt(new FavoriteChangedEvent(1, 100, 900, +1, T)),
                received("{not json"));

        assertThat(status).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(statements.upserts).isEmpty();
    }

    @Test
    void aBatchWhoseRowsCannotBeStoredIsRedelivered() {
        statements.failing = new IllegalStateException("MySQL is down");

        ConsumeConcurrentlyStatus status = deliver(sentAsTheTemplateSendsIt(new FavoriteChangedEvent(1, 100, 900, +1, T)));

        assertThat(status).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
    }

    @Test
    void theConsumerReadsTheTopicTheActionSendsToInBatchesOf256() {
        assertThat(consumer.client().getDefaultMQPushConsumerImpl().getSubscriptionInner()).as("besides its retry topic").containsKey(Topics.FAVORITE);
        assertThat(consumer.client().getConsumeMessageBatchMaxSize()).isEqualTo(256);
    }
}
