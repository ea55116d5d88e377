package com.douyin.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.relation.RelationService;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import com.douyin.relation.dao.FollowMapper;
import com.douyin.relation.dao.FollowRow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The follow, follower and friend lists of the relation provider against the machine's real
 * MariaDB and Redis (its own database and Redis database, so it runs beside the other ITs).
 * Follows are made as the action and the write-behind make them, minus the broker (whose topic a
 * running system shares): the Redis step, and the rows where a test needs them.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "seata.enabled=false",
        // A registry for the user provider's references (never called here), without registering
        // this test as a provider of the running system.
        "dubbo.registry.address=nacos://127.0.0.1:8848",
        "dubbo.registry.register=false",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + FollowListsIT.DATABASE + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=" + FollowListsIT.REDIS_DATABASE,
        "rocketmq.name-server=127.0.0.1:9876",
        "rocketmq.producer.group=douyin-relation-change-it",
        "douyin.relation.write-behind-group=douyin-relation-write-behind-it", // never takes a running system's events
})
class FollowListsIT {

    static final String DATABASE = "douyin_it_relation";
    static final int REDIS_DATABASE = 4;

    @Autowired JdbcTemplate jdbc;
    @Autowired SqlSessionFactory sqlSessions;
    @Autowired RelationService relations;

    @DynamicPropertySource
    static void callerKey(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next); // every service needs one to start
        LocalNacos.signInDubboRegistry(registry); // Nacos lets only its accounts subscribe
    }

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.flushRedis(REDIS_DATABASE);
        try (Connection c = DriverManager.getConnection(ItDatabase.jdbcUrl(""), ItDatabase.user(), ItDatabase.password())) {
            ItDatabase.create(c, DATABASE);
        }
    }

    /**
     * A star's follower page and a user's following page are one range of an index, read in the
     * page's order: no sort of all the star's followers, whatever the offset.
     */
    @Test
    void followerAndFollowingPagesReadAnIndexInTheirOrderWithoutSorting() {
        long star = 7_000_000;
        long fan = 7_000_001;
        List<FollowRow> follows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            follows.add(new FollowRow(8_000_000 + i, star, i % 10 != 0, 1_000_000 + i / 3, 1));
            follows.add(new FollowRow(fan, 9_000_000 + i, i % 10 != 0, 1_000_000 + i / 3, 1));
        }
        jdbc.update("DELETE FROM follow WHERE followee_id = ? OR follower_id = ?", star, fan);
        insertRows(follows);
        jdbc.execute("ANALYZE TABLE follow");

        Map<String, Object> followers = explain("followersPage", Map.of("userId", star, "offset", 2000, "count", 100));
        Map<String, Object> following = explain("followingPage", Map.of("userId", fan, "offset", 2000, "count", 100));

        assertThat(followers.get("key")).isEqualTo("idx_follow_followers_page");
        assertThat(String.valueOf(followers.get("Extra"))).contains("Using index").doesNotContain("filesort");
        assertThat(following.get("key")).isEqualTo("idx_follow_following_page");
        assertThat(String.valueOf(following.get("Extra"))).contains("Using index").doesNotContain("filesort");
    }

    /** Deeper than the cap, a page is refused (the gateway answers it as status_code 10001), never read. */
    @Test
    void aPageBeyondTheOffsetCapIsRefused() {
        for (Runnable page : List.<Runnable>of(() -> relations.followers(1, 10_001, 10),
                () -> relations.following(1, 10_001, 10), () -> relations.friends(1, 10_001, 10))) {
            assertThatThrownBy(page::run).isInstanceOf(DouyinException.class).hasMessage("offset must be 0 to 10000.")
                    .satisfies(e -> assertThat(((DouyinException) e).errorCode()).isEqualTo(ErrorCode.BAD_REQUEST));
        }
        assertThat(relations.followers(1, 10_000, 10)).isEmpty();
    }

    /** Follow rows as the write-behind stores them, 500 a statement. */
    private void insertRows(List<FollowRow> follows) {
        for (int from = 0; from < follows.size(); from += 500) {
            List<FollowRow> chunk = follows.subList(from, Math.min(follows.size(), from + 500));
            List<Object> args = new ArrayList<>();
            chunk.forEach(r -> args.addAll(List.of(r.followerId(), r.followeeId(), r.following(), r.followedAt(), r.changeSeq())));
            jdbc.update("INSERT INTO follow (follower_id, followee_id, following, followed_at, change_seq) VALUES "
                    + String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)")), args.toArray());
        }
    }

    /** MariaDB's plan (its one row) of the query of a {@link FollowMapper} method, as MyBatis sends it. */
    private Map<String, Object> explain(String mapperMethod, Map<String, Object> params) {
        BoundSql query = sqlSessions.getConfiguration()
                .getMappedStatement(FollowMapper.class.getName() + "." + mapperMethod).getBoundSql(params);
        Object[] args = query.getParameterMappings().stream().map(p -> params.get(p.getProperty())).toArray();
        List<Map<String, Object>> plan = jdbc.queryForList("EXPLAIN " + query.getSql(), args);
        assertThat(plan).hasSize(1);
        return plan.get(0);
    }
}
