package com.douyin.common.sentinel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The meters of one Sentinel resource, registered once and then only updated. The blocked
 * counters appear at a resource's first refusal by each kind of rule: most resources are never
 * refused, and a series of zeros per kind of rule would only weigh on every scrape.
 */
final class ResourceMeters {

    final Counter passed;
    final Counter exceptions;
    final Timer responseTime;
    private final AtomicReferenceArray<Counter> blocked = new AtomicReferenceArray<>(BlockingRule.values().length);
    private final MeterRegistry registry;
    private final String resource;

    ResourceMeters(MeterRegistry registry, String resource) {
        this.registry = registry;
        this.resource = resource;
        passed = Counter.builder("sentinel.passed").tag("resource", resource)
                .description("Sentinel entries let through").register(registry);
        exceptions = Counter.builder("sentinel.exceptions").tag("resource", resource)
                .description("business exceptions traced in Sentinel entries (what a circuit breaker counts)").register(registry);
        responseTime = Timer.builder("sentinel.response.time").tag("resource", resource)
                .description("Sentinel entries completed (Sentinel's successes, exceptions included) and their time, in whole ms")
                .register(registry);
    }

    Counter blocked(BlockingRule rule) {
        Counter counter = blocked.get(rule.ordinal());
        if (counter == null) {
            // Two threads may both get here: the registry answers both with the same counter.
            counter = Counter.builder("sentinel.blocked").tag("resource", resource).tag("rule", rule.tag)
                    .description("Sentinel entries refused, by the kind of rule that refused them").register(registry);
            blocked.set(rule.ordinal(), counter);
        }
        return counter;
    }
}
