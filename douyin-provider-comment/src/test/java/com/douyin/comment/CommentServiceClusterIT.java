package com.douyin.comment;

import com.douyin.common.testing.LocalRedisCluster;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link CommentServiceIT} with the provider on a Redis Cluster of three primaries
 * ({@link LocalRedisCluster}, {@code douyin.redis.cluster}): adding or deleting a comment changes
 * the video's set and its journal shard in one slot, and the video's cached comment_count and
 * the comment's video (other slots) follow as later steps; lists, counts and rows come out as on
 * one Redis.
 */
@Import(CommentServiceIT.Videos.class) // a superclass's nested test configuration is not found for a subclass
class CommentServiceClusterIT extends CommentServiceIT {

    @DynamicPropertySource
    static void onARedisCluster(DynamicPropertyRegistry registry) {
        LocalRedisCluster.serveSpringTest(registry, 17161);
    }
}
