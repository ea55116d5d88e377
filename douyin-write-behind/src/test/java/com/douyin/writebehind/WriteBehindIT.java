package com.douyin.writebehind;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.common.cache.CompleteSortedSet;
import com.douyin.common.redis.RedisOutage;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.RecordingBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sequence of a hot write against the machine's real Redis (the journal, the set) and MySQL
 * (the outbox of the synchronous path): which path a like takes, what the journal keeps, and that
 * the relay hands on what neither path took, and forgets it once handed on. The broker is a {@link RecordingBroker}; the
 * provider's rows are recorded by the test's {@link LikeRows}.
 */
class WriteBehindIT {

    private static final String TOPIC = "douyin-favorite";

    private static RedissonClient redisson;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transaction;

    private final RecordingBroker broker = new RecordingBroker();
    private LikeRows rows;
    private ChangeJournal journal;
    private ToggleSet liked;
    private RedisOutage outage;
    private boolean redisAnswersPing = true;
    private WriteBehind<FavoriteChangedEvent> writeBehind;

    @BeforeAll
    static void connect() throws Exception {
        ItDatabase.recreate("douyin_it_write_behind");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(ItDatabase.jdbcUrl("douyin_it_write_behind"),
                ItDatabase.user(), ItDatabase.password());
        jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        redisson = ItDatabase.emptyRedis();
    }

    @AfterAll
    static void disconnect() {
        redisson.shutdown();
    }

    @BeforeEach
    void wire() {
        redisson.getKeys().flushdb();
        jdbc.update("DELETE FROM favorite_outbox");
        rows = new LikeRows();
        journal = new ChangeJournal(redisson, "write-behind-it:journal", "w");
        liked = new ToggleSet(redisson, new CompleteSortedSet(redisson, "write-behind-it:liked:{w0}:ann", Map::of, null), journal);
        outage = new RedisOutage(redisson, jdbc, () -> redisAnswersPing);
        // In flight for no time: a relay round hands on whatever is journaled.
        writeBehind = new WriteBehind<>("likes", TOPIC, journal, WriteBehindIT::eventOf, rows, broker, outage, Duration.ZERO);
    }

    @AfterEach
    void close() {
        outage.close();
    }

    /** The test's journal record: "video:delta"; the entry's number is the change's sequence. */
    private static FavoriteChangedEvent eventOf(ChangeJournal.Entry entry) {
        String[] parts = entry.record().split(":");
        return new FavoriteChangedEvent(1, Long.parseLong(parts[0]), 9, Integer.parseInt(parts[1]), entry.number());
    }

    /** Ann (user 1) likes ({@code delta} +1) or unlikes video {@code video} of author 9. */
    private void toggle(long video, int delta) {
        String flipId = ToggleSet.newFlipId();
        writeBehind.toggle(() -> liked.flip(flipId, String.valueOf(video), delta, List.of(), video + ":" + delta),
                sequence -> new FavoriteChangedEvent(1, video, 9, delta, sequence),
                () -> rows.decidedInMysql.add(video * delta));
    }

    private List<FavoriteChangedEvent> sent() {
        return broker.take(TOPIC, FavoriteChangedEvent.class);
    }

    /** The acknowledgement is removed asynchronously: waits (briefly) until {@code count} entries are left. */
    private int journaled(int count) throws InterruptedException {
        int left = journal.unacknowledged(Duration.ZERO, 100).size();
        for (int i = 0; i < 100 && left != count; i++) {
            Thread.sleep(20);
            left = journal.unacknowledged(Duration.ZERO, 100).size();
        }
        return left;
    }

    @Test
    void aLikeGoesThroughTheBrokerWithRedisSequenceAndLeavesNothingJournaledAndARepeatSendsNothing() throws Exception {
        toggle(100, +1);
        toggle(100, +1);

        List<FavoriteChangedEvent> sent = sent();
        assertThat(sent).singleElement().satisfies(like -> {
            assertThat(like.videoId()).isEqualTo(100);
            assertThat(like.delta()).isEqualTo(+1);
            assertThat(like.sequence()).as("Redis's clock, in microseconds").isGreaterThan(1_700_000_000_000_000L);
        });
        assertThat(liked.set().set().contains("100")).isTrue();
        assertThat(rows.stored).as("the synchronous path is not taken").isEmpty();
        assertThat(journaled(0)).isZero();
    }

    @Test
    void withTheBrokerDownTheSynchronousPathStoresTheRowsAndTheOutboxEntryIsGoneOnceAppliedElsewhere() throws Exception {
        broker.down(true);

        toggle(100, +1);

        assertThat(rows.stored).extracting(FavoriteChangedEvent::videoId).containsExactly(100L);
        assertThat(rows.appliedElsewhere).extracting(FavoriteChangedEvent::videoId).containsExactly(100L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM favorite_outbox", Long.class)).isZero();
        assertThat(journaled(0)).isZero();
    }

    @Test
    void whatNeitherPathTookStaysJournaledVisibleInRedisAndTheRelayHandsItOnOnce() throws Exception {
        broker.down(true);
        rows.refuse = true;

        toggle(100, +1);

        assertThat(liked.set().set().contains("100")).as("made, and not taken back").isTrue();
        assertThat(journaled(1)).isEqualTo(1);

        writeBehind.relayJournal(); // both still down: kept
        assertThat(journaled(1)).isEqualTo(1);

        broker.down(false);
        writeBehind.relayJournal();
        assertThat(sent()).singleElement().satisfies(like -> assertThat(like.videoId()).isEqualTo(100));
        assertThat(journaled(0)).as("acknowledged once sent").isZero();

        writeBehind.relayJournal(); // the next round (10 s later in a provider)
        assertThat(sent()).as("nothing left to hand on").isEmpty();
    }

    @Test
    void duringARedisOutageTheRowDecidesAndTheRelayWaitsForRedis() throws Exception {
        redisAnswersPing = false;
        outage.failed(new RedisConnectionException("Redis is down"));
        assertThat(outage.inEffect()).isTrue();

        toggle(100, +1);
        toggle(200, -1);
        writeBehind.relayJournal();

        assertThat(rows.decidedInMysql).containsExactly(100L, -200L);
        assertThat(liked.set().set().isExists()).as("Redis not asked").isFalse();
        assertThat(broker.attempts()).isZero();
    }

    @Test
    void aSwitchAskedAgainDuringAnOutageIsAnsweredByRedisWhenRedisTookItAndCountsOnce() throws Exception {
        String flipId = ToggleSet.newFlipId();
        ToggleSet.Flip taken = liked.flip(flipId, "100", +1, List.of(), "100:1"); // a pipeline took it; its answer was lost
        redisAnswersPing = false;
        outage.failed(new RedisConnectionException("a primary is down"));
        assertThat(outage.inEffect()).isTrue();

        writeBehind.toggleAgain(() -> liked.flip(flipId, "100", +1, List.of(), "100:1"),
                sequence -> new FavoriteChangedEvent(1, 100, 9, +1, sequence), () -> rows.decidedInMysql.add(100L));

        assertThat(rows.decidedInMysql).as("not decided in MySQL as well").isEmpty();
        assertThat(sent()).singleElement().satisfies(like -> assertThat(like.sequence()).isEqualTo(taken.sequence()));
        assertThat(journaled(0)).as("its entry acknowledged: the relay hands nothing on").isZero();
    }

    @Test
    void aChangeWhoseLaterStepsFailedGoesToMysqlAtOnceAndTheKeysTheyLeftAreDroppedAfterwards() throws Exception {
        redisson.getMap("write-behind-it:counters:100").put("favorite_count", "7"); // a count the change could not move
        ToggleSet.Flip flip = liked.flip(ToggleSet.newFlipId(), "100", +1, List.of(), "100:1");
        FavoriteChangedEvent like = new FavoriteChangedEvent(1, 100, 9, +1, flip.sequence());

        writeBehind.handOnDropping(List.of(like), Map.of(like, flip.journalEntry()), List.of("write-behind-it:counters:100"));

        assertThat(rows.stored).as("in MySQL at once, on the synchronous path").containsExactly(like);
        assertThat(rows.appliedElsewhere).containsExactly(like);
        assertThat(broker.attempts()).isZero();
        assertThat(journaled(0)).as("acknowledged: the relay does not move its counters later").isZero();
        for (int i = 0; i < 100 && redisson.getKeys().countExists("write-behind-it:counters:100") > 0; i++) {
            Thread.sleep(50); // the outage sweep, within a second of the record
        }
        assertThat(redisson.getKeys().countExists("write-behind-it:counters:100")).as("dropped, to be rebuilt from MySQL").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cache_stale_key", Long.class)).isZero();
    }

    /** The provider's part of the synchronous path: its rows (recorded; refused when asked) and the other providers'. */
    private static final class LikeRows extends SynchronousPath<FavoriteChangedEvent> {

        final List<FavoriteChangedEvent> stored = new CopyOnWriteArrayList<>();
        final List<FavoriteChangedEvent> appliedElsewhere = new CopyOnWriteArrayList<>();
        /** What {@code inMysql} decided during a Redis outage: +video for a like, -video for an unlike. */
        final List<Long> decidedInMysql = new CopyOnWriteArrayList<>();
        volatile boolean refuse;

        LikeRows() {
            super(jdbc, transaction, "favorite_outbox", FavoriteChangedEvent.class);
        }

        @Override
        protected void storeOwnRows(FavoriteChangedEvent like) {
            if (refuse) {
                throw new IllegalStateException("MySQL refused the row");
            }
            stored.add(like);
        }

        @Override
        protected void applyElsewhere(FavoriteChangedEvent like) {
            appliedElsewhere.add(like);
        }
    }
}
