package com.douyin.relation.config;

import com.douyin.api.user.UserService;
import com.douyin.writebehind.CounterHashOwners;
import com.douyin.writebehind.ToggleSet;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who caches the counters a follow moves, when Redis does not hold them: the user provider. */
@Configuration(proxyBeanMethods = false)
public class CounterOwnersConfig {

    @DubboReference(providedBy = "douyin-user", check = false)
    private UserService users;

    @Bean
    ToggleSet.CounterOwners counterOwners() {
        return new CounterHashOwners(users, null);
    }
}
