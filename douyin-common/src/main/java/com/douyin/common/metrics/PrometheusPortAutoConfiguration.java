package com.douyin.common.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The Prometheus endpoint of a provider: providers run no web server, so Prometheus' own exporter
 * serves this service's Micrometer registry at {@code http://HOST:douyin.metrics.port/metrics}
 * (the gateway has Spring's {@code /actuator/prometheus} instead).
 */
@AutoConfiguration(afterName = "org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration")
@ConditionalOnClass({PrometheusMeterRegistry.class, HTTPServer.class})
@ConditionalOnBean(PrometheusMeterRegistry.class)
@ConditionalOnProperty("douyin.metrics.port")
public class PrometheusPortAutoConfiguration {

    @Bean(destroyMethod = "close")
    HTTPServer prometheusPort(PrometheusMeterRegistry registry, @Value("${douyin.metrics.port}") int port) throws IOException {
        return HTTPServer.builder().port(port).registry(registry.getPrometheusRegistry()).buildAndStart();
    }
}
