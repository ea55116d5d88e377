package com.douyin.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.doReturn;

import com.douyin.api.video.VideoDTO;
import com.douyin.api.video.VideoService;
import com.douyin.common.redis.RedisOutage;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The video provider on a MySQL primary and a real replica of it (two MariaDB servers of its
 * own, {@link ReplicatedMariaDb}). Replication is paused to make the replica lag: what a page
 * shows then tells which server answered. Writes never reach the replica: replication resumes
 * without a conflict after every test.
 */
@ExtendWith(RealInfrastructure.class) // Nacos, for the user provider's reference (never called here)
@ExtendWith(ReplicatedMariaDb.class) // before Spring's extension: the servers outlive the context
@DirtiesContext // closed after the class, while the servers still run, not at the JVM's exit
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "seata.enabled=false",
        "dubbo.registry.address=nacos://127.0.0.1:8848",
        "dubbo.registry.register=false",
        "dubbo.protocol.port=-1",
        "spring.datasource.username=" + ReplicatedMariaDb.USER,
        "spring.datasource.password=" + ReplicatedMariaDb.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=" + ReadReplicaIT.REDIS_DATABASE,
        "rocketmq.name-server=127.0.0.1:9876",
        "rocketmq.producer.group=douyin-video-publish-replica-it",
        "douyin.video.cover-group=douyin-video-cover-replica-it", // never takes a running system's events
        "douyin.video.watermark.enabled=false", // no watermark consumer here (WatermarkerTest, the e2e publish test)
        "douyin.video.favorite-count-group=douyin-video-favorite-count-replica-it",
        "douyin.video.comment-count-group=douyin-video-comment-count-replica-it",
        "douyin.feed.publish-group=douyin-video-feeds-replica-it",
        "douyin.recommend.like-group=douyin-video-recommend-replica-it",
        "douyin.storage.local-root=target/it-objects",
})
class ReadReplicaIT {

    /** Its own Redis database, as its MySQL is its own: it can run beside the other ITs. */
    static final int REDIS_DATABASE = 2;
    private static final long SOMEONE_ELSE = 1L;

    @DynamicPropertySource
    static void primaryAndReplica(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", ReplicatedMariaDb::primaryUrl);
        registry.add("douyin.datasource.replica-url", ReplicatedMariaDb::replicaUrl);
        registry.add("douyin.rpc.caller-secret", RandomSecret::next); // every service needs one to start
        LocalNacos.signInDubboRegistry(registry); // Nacos lets only its accounts subscribe
    }

    @Autowired VideoService videos;
    @Autowired RedissonClient redisson;
    @MockitoSpyBean RedisOutage outage;

    @BeforeAll
    static void emptyRedis() {
        ItDatabase.flushRedis(REDIS_DATABASE);
    }

    @AfterAll
    static void leaveRedisEmpty() {
        ItDatabase.flushRedis(REDIS_DATABASE);
    }

    @AfterEach
    void replicationCatchesUp() throws SQLException {
        ReplicatedMariaDb.resumeReplication();
    }

    @Test
    void aFeedPageIsReadFromTheReplica() throws SQLException {
        VideoDTO replicated = videos.publish(901L, "videos/901/a.mp4", "on both servers", "");
        ReplicatedMariaDb.awaitReplica();
        ReplicatedMariaDb.pauseReplication();
        VideoDTO lagging = videos.publish(901L, "videos/901/b.mp4", "on the primary only", "");
        assertThat(onPrimary().queryForObject("SELECT COUNT(*) FROM video WHERE id = ?", Long.class, lagging.id())).isOne();

        assertThat(feed()).contains(replicated.id()).doesNotContain(lagging.id());

        ReplicatedMariaDb.resumeReplication();
        assertThat(feed()).startsWith(lagging.id());
        assertThat(videos.feed("", Long.MAX_VALUE, 1, 30)).filteredOn(v -> v.id() == lagging.id())
                .extracting(VideoDTO::title).containsExactly("on the primary only");
    }

    @Test
    void searchIsReadFromTheReplica() throws SQLException {
        ReplicatedMariaDb.pauseReplication();
        VideoDTO lagging = videos.publish(902L, "videos/902/a.mp4", "zebra crossing", "");

        assertThat(videos.search("zebra", 30)).isEmpty();

        ReplicatedMariaDb.resumeReplication();
        assertThat(videos.search("zebra", 30)).extracting(VideoDTO::id).containsExactly(lagging.id());
    }

    @Test
    void theAuthorSeesTheirNewVideoAtOnceThoughTheReplicaLags() throws SQLException {
        ReplicatedMariaDb.pauseReplication();
        VideoDTO published = videos.publish(903L, "videos/903/a.mp4", "just published", "");

        assertThat(videos.listByAuthor(903L, 903L)).extracting(VideoDTO::id, VideoDTO::title)
                .containsExactly(tuple(published.id(), "just published"));
        assertThat(videos.getVideos(List.of(published.id()))).extracting(VideoDTO::title).containsExactly("just published");
    }

    @Test
    void anotherViewersListFillsTheCacheFromThePrimarySoTheCacheNeverHoldsTheLag() throws SQLException {
        ReplicatedMariaDb.pauseReplication();
        VideoDTO published = videos.publish(904L, "videos/904/a.mp4", "cached from the primary", "");

        assertThat(videos.listByAuthor(904L, SOMEONE_ELSE)).extracting(VideoDTO::id).containsExactly(published.id());
        assertThat(redisson.getScoredSortedSet("video:author:{904}", StringCodec.INSTANCE).contains(String.valueOf(published.id())))
                .isTrue();
    }

    @Test
    void whileRedisIsDownAnotherViewersListIsReadFromTheReplicaAndTheAuthorsFromThePrimary() throws SQLException {
        VideoDTO replicated = videos.publish(905L, "videos/905/a.mp4", "on both servers", "");
        ReplicatedMariaDb.awaitReplica();
        ReplicatedMariaDb.pauseReplication();
        VideoDTO lagging = videos.publish(905L, "videos/905/b.mp4", "on the primary only", "");
        doReturn(true).when(outage).inEffect(); // lists are read and not cached

        assertThat(videos.listByAuthor(905L, SOMEONE_ELSE)).extracting(VideoDTO::id).containsExactly(replicated.id());
        assertThat(videos.listByAuthor(905L, 905L)).extracting(VideoDTO::id).containsExactly(lagging.id(), replicated.id());
    }

    /** IDs of the newest page of the feed. */
    private List<Long> feed() {
        return videos.feed("", Long.MAX_VALUE, 1, 30).stream().map(VideoDTO::id).toList();
    }

    private static JdbcTemplate onPrimary() {
        return new JdbcTemplate(new DriverManagerDataSource(ReplicatedMariaDb.primaryUrl(), ReplicatedMariaDb.USER, ReplicatedMariaDb.PASSWORD));
    }
}
