package com.douyin.favorite.mq;

import com.douyin.common.testing.LocalRedisCluster;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link FavoriteWriteBehindIT} with the provider on a Redis Cluster of three primaries
 * ({@link LocalRedisCluster}, {@code douyin.redis.cluster}): a like's step changes the liker's set,
 * its answer and its journal shard in one slot, and the counters it moves (other slots) follow
 * as later steps; the cached counters, the rows and the events come out as on one Redis.
 */
@Import(FavoriteWriteBehindIT.WithoutBrokerOrVideoProvider.class) // a superclass's nested test configuration is not found for a subclass
class FavoriteWriteBehindClusterIT extends FavoriteWriteBehindIT {

    @DynamicPropertySource
    static void onARedisCluster(DynamicPropertyRegistry registry) {
        LocalRedisCluster.serveSpringTest(registry, 17141);
    }
}
