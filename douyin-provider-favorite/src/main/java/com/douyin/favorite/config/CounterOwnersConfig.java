package com.douyin.favorite.config;

import com.douyin.api.user.UserService;
import com.douyin.api.video.VideoService;
import com.douyin.writebehind.CounterHashOwners;
import com.douyin.writebehind.ToggleSet;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who caches the counters a like moves, when Redis does not hold them: the user and video providers. */
@Configuration(proxyBeanMethods = false)
public class CounterOwnersConfig {

    @DubboReference(providedBy = "douyin-user", check = false)
    private UserService users;

    @DubboReference(providedBy = "douyin-video", check = false)
    private VideoService videos;

    @Bean
    ToggleSet.CounterOwners counterOwners() {
        return new CounterHashOwners(users, videos);
    }
}
