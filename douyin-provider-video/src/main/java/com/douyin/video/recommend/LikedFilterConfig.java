package com.douyin.video.recommend;

import com.douyin.api.favorite.FavoriteService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who likes what is the favorite provider's: asked over Dubbo, once per ranking. */
@Configuration(proxyBeanMethods = false)
public class LikedFilterConfig {

    @DubboReference(providedBy = "douyin-favorite", check = false)
    private FavoriteService favorites;

    @Bean
    Ranker.LikedFilter likedFilter() {
        return favorites::likedAmong;
    }
}
