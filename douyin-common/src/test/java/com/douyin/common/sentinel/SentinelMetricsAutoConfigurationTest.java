package com.douyin.common.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.SphU;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A service's Spring context binds Sentinel's meters to its registry, as the services do. */
class SentinelMetricsAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class, SentinelMetricsAutoConfiguration.class));

    @Test
    void sentinelEntriesAreCountedOnTheServicesRegistry() {
        service.run(context -> {
            try (Entry ignored = SphU.entry("autoconfig-test:route")) {
                // counted
            }
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("sentinel.passed").tag("resource", "autoconfig-test:route").counter().count()).isEqualTo(1);
            assertThat(context.getBean(SentinelMeters.class)).as("the instance Sentinel calls").isSameAs(SentinelMeters.installed());
        });
    }

    @Test
    void aMeterFilterOfTheServiceAppliesToThem() {
        service.withPropertyValues("management.metrics.enable.sentinel=false").run(context -> {
            try (Entry ignored = SphU.entry("autoconfig-test:filtered")) {
                // not counted: the service turned Sentinel's meters off
            }
            assertThat(context.getBean(MeterRegistry.class).find("sentinel.passed").counters()).isEmpty();
        });
    }
}
