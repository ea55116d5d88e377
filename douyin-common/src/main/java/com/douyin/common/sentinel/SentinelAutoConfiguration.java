package com.douyin.common.sentinel;

import com.alibaba.csp.sentinel.SphU;
import com.alibaba.nacos.api.config.ConfigService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Sentinel's rules from Nacos and its command port, in every service ({@link SentinelRules}).
 * Off with {@code douyin.sentinel.enabled=false} (the provider ITs, which run without Nacos config).
 */
@AutoConfiguration
@ConditionalOnClass(SphU.class)
@ConditionalOnProperty(name = "douyin.sentinel.enabled", matchIfMissing = true)
public class SentinelAutoConfiguration {

    @Bean(destroyMethod = "close")
    SentinelRules sentinelRules(@Value("${spring.application.name}") String application,
                                ConfigService nacos,
                                @Value("${douyin.sentinel.api-port:8719}") int apiPort,
                                @Value("${douyin.sentinel.dashboard:}") String dashboard) {
        DubboBreakerFallback.install();
        return new SentinelRules(application, nacos, apiPort, dashboard);
    }
}
