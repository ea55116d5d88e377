package com.douyin.common.nacos;

import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.exception.NacosException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The one Nacos config client of a service, for everything that watches a data ID while it runs
 * (Sentinel's rules, the video topics). Each client is a gRPC connection of its own, health-checked
 * every 5 s from both ends, with its own threads: a service had four, all idle. Created on first
 * use only, so a test context that watches nothing does not connect.
 */
@AutoConfiguration
@ConditionalOnClass(ConfigService.class)
public class NacosConfigClientAutoConfiguration {

    @Bean(destroyMethod = "shutDown")
    @Lazy
    ConfigService nacosConfigService(Environment environment) throws NacosException {
        return NacosConfigClients.create(NacosServer.bind(Binder.get(environment)));
    }
}
