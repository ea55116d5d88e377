package com.douyin.relation.mq;

import com.douyin.common.testing.LocalRedisCluster;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link FollowWriteBehindIT} with the provider on a Redis Cluster of three primaries
 * ({@link LocalRedisCluster}, {@code douyin.redis.cluster}): a follow's step changes the follower's
 * set, its answer and its journal shard in one slot, and the two users' counters and friend lists
 * (other slots) follow as later steps; the cached counters, the rows and the events come out as
 * on one Redis.
 */
@Import(FollowWriteBehindIT.WithoutBroker.class) // a superclass's nested test configuration is not found for a subclass
class FollowWriteBehindClusterIT extends FollowWriteBehindIT {

    @DynamicPropertySource
    static void onARedisCluster(DynamicPropertyRegistry registry) {
        LocalRedisCluster.serveSpringTest(registry, 17151);
    }
}
