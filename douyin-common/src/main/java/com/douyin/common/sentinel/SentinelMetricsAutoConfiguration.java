package com.douyin.common.sentinel;

import com.alibaba.csp.sentinel.SphU;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Sentinel's statistics per resource on the service's meter registry: the {@link SentinelMeters}
 * Sentinel loaded, as a bean Spring Boot binds to the registry once it is configured (its meter
 * filters, e.g. {@code management.metrics.enable.sentinel=false}, apply). In every service,
 * whether or not its rules come from Nacos: the Dubbo adapter's resources exist either way.
 */
@AutoConfiguration
@ConditionalOnClass({SphU.class, MeterBinder.class})
public class SentinelMetricsAutoConfiguration {

    @Bean
    SentinelMeters sentinelMeters() {
        return SentinelMeters.installed();
    }
}
