package com.douyin.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * The project's own meters, on Micrometer's global registry (Spring Boot adds the service's
 * Prometheus registry to it), so shared code that is not a Spring bean can count:
 * <ul>
 *   <li>{@code douyin_cache_requests_total{cache, result=hit|miss}}: hit ratio per cache;</li>
 *   <li>{@code douyin_fallback_total{path}}: writes that took a fallback path (broker down or its
 *       breaker open: {@code mq:TOPIC}; Redis out: {@code redis});</li>
 *   <li>{@code douyin_mq_parked_total{group}}: events a consumer could not read, parked in its
 *       dead-letter queue ({@code %DLQ%GROUP}) rather than applied;</li>
 * </ul>
 * and {@code douyin_redis_outage} (1 while the service serves from MySQL, see RedisOutage).
 */
public final class DouyinMeters {

    private DouyinMeters() {
    }

    /** The counter of a cache's lookups with {@code result} hit or miss (registered once, kept by the cache). */
    public static Counter cacheRequests(String cache, String result) {
        return Counter.builder("douyin.cache.requests").tag("cache", cache).tag("result", result).register(Metrics.globalRegistry);
    }

    public static void fallback(String path) {
        Counter.builder("douyin.fallback").tag("path", path).register(Metrics.globalRegistry).increment();
    }

    public static void parked(String consumerGroup) {
        Counter.builder("douyin.mq.parked").tag("group", consumerGroup).register(Metrics.globalRegistry).increment();
    }
}
