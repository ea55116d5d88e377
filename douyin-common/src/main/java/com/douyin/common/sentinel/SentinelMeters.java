package com.douyin.common.sentinel;

import com.alibaba.csp.sentinel.metric.extension.AdvancedMetricExtension;
import com.alibaba.csp.sentinel.metric.extension.MetricExtension;
import com.alibaba.csp.sentinel.metric.extension.MetricExtensionProvider;
import com.alibaba.csp.sentinel.slotchain.ResourceWrapper;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What Sentinel's dashboard shows of each resource, as the service's own meters (so on the
 * gateway's /actuator/prometheus and on each provider's Prometheus port):
 * <ul>
 *   <li>{@code sentinel_passed_total{resource}}: entries let through;</li>
 *   <li>{@code sentinel_blocked_total{resource, rule}}: entries refused, by the kind of rule that
 *       refused them ({@code flow}, {@code param-flow}, {@code degrade}, {@code authority},
 *       {@code system}; see {@link BlockingRule});</li>
 *   <li>{@code sentinel_exceptions_total{resource}}: business exceptions traced in an entry, those
 *       that count towards a circuit breaker ({@link SentinelRules#isFailure});</li>
 *   <li>{@code sentinel_response_time_seconds{resource}} (count, sum, max): entries completed and
 *       their time. Its count is Sentinel's "success" (every completed entry, exceptions
 *       included), so no separate success counter is kept. Sentinel times in whole milliseconds.</li>
 * </ul>
 *
 * <p>Sentinel loads it by SPI (META-INF/services) and its statistic slot calls it on every entry,
 * refusal and exit (the callbacks MetricCallbackInit registers); as an
 * {@link AdvancedMetricExtension} it gets one call each, not one per statistic. It counts nothing
 * until a registry is bound ({@link SentinelMetricsAutoConfiguration} has Spring Boot bind it).
 * Per call: a map lookup by resource name and a meter update, no allocation. Resources are as
 * many as Sentinel keeps (at most 6,000 per JVM; beyond that it stops checking and counting new ones).
 */
public final class SentinelMeters implements AdvancedMetricExtension, MeterBinder {

    /** The meters of one registry, per resource; replaced whole when another registry binds. */
    private record Bound(MeterRegistry registry, ConcurrentHashMap<String, ResourceMeters> byResource) {

        ResourceMeters of(String resource) {
            ResourceMeters meters = byResource.get(resource);
            return meters != null ? meters : byResource.computeIfAbsent(resource, name -> new ResourceMeters(registry, name));
        }
    }

    private volatile Bound bound;

    /** The instance Sentinel loaded and calls (SentinelMeters is listed in META-INF/services). */
    public static SentinelMeters installed() {
        for (MetricExtension extension : MetricExtensionProvider.getMetricExtensions()) {
            if (extension instanceof SentinelMeters meters) {
                return meters;
            }
        }
        throw new IllegalStateException("Sentinel did not load " + SentinelMeters.class.getName()
                + ": it should be listed in META-INF/services/" + MetricExtension.class.getName());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bound = new Bound(registry, new ConcurrentHashMap<>());
    }

    private ResourceMeters meters(String resource) {
        Bound current = bound;
        return current == null ? null : current.of(resource);
    }

    @Override
    public void onPass(ResourceWrapper resource, int count, Object[] args) {
        addPass(resource.getName(), count, args);
    }

    @Override
    public void onBlocked(ResourceWrapper resource, int count, String origin, BlockException refusal, Object[] args) {
        addBlock(resource.getName(), count, origin, refusal, args);
    }

    @Override
    public void onComplete(ResourceWrapper resource, long rtMillis, int count, Object[] args) {
        addRt(resource.getName(), rtMillis, args);
    }

    @Override
    public void onError(ResourceWrapper resource, Throwable error, int count, Object[] args) {
        addException(resource.getName(), count, error);
    }

    @Override
    public void addPass(String resource, int count, Object... args) {
        ResourceMeters meters = meters(resource);
        if (meters != null) {
            meters.passed.increment(count);
        }
    }

    @Override
    public void addBlock(String resource, int count, String origin, BlockException refusal, Object... args) {
        ResourceMeters meters = meters(resource);
        if (meters != null) {
            meters.blocked(BlockingRule.of(refusal)).increment(count);
        }
    }

    @Override
    public void addException(String resource, int count, Throwable error) {
        ResourceMeters meters = meters(resource);
        if (meters != null) {
            meters.exceptions.increment(count);
        }
    }

    @Override
    public void addRt(String resource, long rtMillis, Object... args) {
        ResourceMeters meters = meters(resource);
        if (meters != null) {
            meters.responseTime.record(rtMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void addSuccess(String resource, int count, Object... args) {
        // counted by the response-time timer (addRt)
    }

    @Override
    public void increaseThreadNum(String resource, Object... args) {
        // concurrency is not exported (the command port's clusterNode shows it)
    }

    @Override
    public void decreaseThreadNum(String resource, Object... args) {
        // see increaseThreadNum
    }
}
