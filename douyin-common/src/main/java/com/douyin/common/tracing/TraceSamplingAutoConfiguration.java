package com.douyin.common.tracing;

import brave.sampler.Sampler;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.exception.NacosException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The services' Brave sampler: {@link TraceSampler} in place of Spring Boot's fixed probability
 * (whose Sampler bean steps aside for this one), kept current from Nacos by {@link TraceSampling}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.actuate.autoconfigure.tracing.BraveAutoConfiguration")
@ConditionalOnClass(Sampler.class)
public class TraceSamplingAutoConfiguration {

    @Bean
    TraceSampler traceSampler(@Value("${douyin.tracing.sampling.probability:0.1}") double probability,
                              @Value("${douyin.tracing.sampling.per-second:10}") int perSecond,
                              @Value("${douyin.nacos.config-enabled:true}") boolean fromNacos,
                              @Value("${douyin.nacos.group:DEFAULT_GROUP}") String group,
                              ObjectProvider<ConfigService> nacosClient) throws NacosException {
        TraceSampler sampler = new TraceSampler(probability, perSecond);
        if (fromNacos) {
            TraceSampling.watch(sampler, nacosClient.getObject(), group);
        }
        return sampler;
    }
}
