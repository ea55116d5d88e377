package com.douyin.video.following;

import com.douyin.api.relation.RelationService;
import java.util.List;
import java.util.Map;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The follow graph is the relation provider's: asked over Dubbo. */
@Configuration(proxyBeanMethods = false)
public class FollowGraphConfig {

    @DubboReference(providedBy = "douyin-relation", check = false)
    private RelationService relations;

    @Bean
    FollowGraph followGraph() {
        return new FollowGraph() {
            @Override
            public Map<Long, Long> followingSince(long viewerId) {
                return relations.followingSince(viewerId);
            }

            @Override
            public List<Long> followers(long authorId, int limit) {
                return relations.followers(authorId, 0, limit);
            }
        };
    }
}
