package com.douyin.common.sentinel;

import com.alibaba.csp.sentinel.SphU;
import com.alibaba.nacos.api.PropertyKeyConst;
import java.util.Properties;
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
                                @Value("${douyin.nacos.server-addr:127.0.0.1:8848}") String serverAddr,
                                @Value("${douyin.nacos.namespace:}") String namespace,
                                @Value("${douyin.sentinel.api-port:8719}") int apiPort,
                                @Value("${douyin.sentinel.dashboard:}") String dashboard) {
        Properties nacos = new Properties();
        nacos.setProperty(PropertyKeyConst.SERVER_ADDR, serverAddr);
        if (!namespace.isBlank()) {
            nacos.setProperty(PropertyKeyConst.NAMESPACE, namespace);
        }
        DubboBreakerFallback.install();
        return new SentinelRules(application, nacos, apiPort, dashboard);
    }
}
