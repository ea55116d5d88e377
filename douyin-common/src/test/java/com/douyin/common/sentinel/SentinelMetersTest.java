package com.douyin.common.sentinel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowException;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowException;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleManager;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real Sentinel entries (SphU) counted on a Prometheus registry, read back from its scrape. */
class SentinelMetersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @BeforeEach
    void bind() {
        SentinelMeters.installed().bindTo(registry);
    }

    @AfterEach
    void noRules() {
        FlowRuleManager.loadRules(List.of());
        ParamFlowRuleManager.loadRules(List.of());
        DegradeRuleManager.loadRules(List.of());
    }

    /** The value of the sample {@code name{labels}} in the scrape; -1 if there is none. */
    private double sample(String name, String labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$").matcher(registry.scrape());
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }

    @Test
    void passedEntriesAreCountedWithTheirResponseTime() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Entry ignored = SphU.entry("meters-test:passed")) {
                Thread.sleep(20);
            }
        }

        assertThat(sample("sentinel_passed_total", "resource=\"meters-test:passed\"")).isEqualTo(3);
        assertThat(sample("sentinel_response_time_seconds_count", "resource=\"meters-test:passed\"")).as("completed").isEqualTo(3);
        assertThat(sample("sentinel_response_time_seconds_sum", "resource=\"meters-test:passed\"")).as("3 x 20 ms or more")
                .isGreaterThanOrEqualTo(0.06).isLessThan(5);
        assertThat(sample("sentinel_exceptions_total", "resource=\"meters-test:passed\"")).isZero();
        assertThat(registry.scrape()).as("no refusal, no blocked series").doesNotContain("sentinel_blocked_total{resource=\"meters-test:passed\"");
    }

    @Test
    void anEntryRefusedByAFlowRuleIsCountedAsBlockedByFlowNotAsPassed() throws Exception {
        FlowRule none = new FlowRule("meters-test:flow");
        none.setCount(0);
        FlowRuleManager.loadRules(List.of(none));

        assertThatThrownBy(() -> SphU.entry("meters-test:flow").exit()).isInstanceOf(FlowException.class);
        assertThatThrownBy(() -> SphU.entry("meters-test:flow").exit()).isInstanceOf(FlowException.class);

        assertThat(sample("sentinel_blocked_total", "resource=\"meters-test:flow\",rule=\"flow\"")).isEqualTo(2);
        assertThat(sample("sentinel_passed_total", "resource=\"meters-test:flow\"")).isZero();
        assertThat(sample("sentinel_response_time_seconds_count", "resource=\"meters-test:flow\"")).as("a refusal never completes").isZero();
    }

    @Test
    void anEntryRefusedForItsParameterIsCountedAsBlockedByParamFlow() {
        ParamFlowRule none = new ParamFlowRule("meters-test:per-client").setParamIdx(0).setCount(0);
        ParamFlowRuleManager.loadRules(List.of(none));

        assertThatThrownBy(() -> SphU.entry("meters-test:per-client", EntryType.IN, 1, "10.0.0.1").exit())
                .isInstanceOf(ParamFlowException.class);

        assertThat(sample("sentinel_blocked_total", "resource=\"meters-test:per-client\",rule=\"param-flow\"")).isEqualTo(1);
        assertThat(sample("sentinel_blocked_total", "resource=\"meters-test:per-client\",rule=\"flow\"")).as("only the rule that refused").isEqualTo(-1);
    }

    @Test
    void aTracedExceptionIsCountedAndItsEntryStillCompletes() throws Exception {
        try (Entry entry = SphU.entry("meters-test:failing")) {
            Tracer.traceEntry(new IllegalStateException("the store is down"), entry);
        }
        try (Entry ignored = SphU.entry("meters-test:failing")) {
            // a call that works
        }

        assertThat(sample("sentinel_exceptions_total", "resource=\"meters-test:failing\"")).isEqualTo(1);
        assertThat(sample("sentinel_passed_total", "resource=\"meters-test:failing\"")).isEqualTo(2);
        assertThat(sample("sentinel_response_time_seconds_count", "resource=\"meters-test:failing\"")).isEqualTo(2);
    }

    @Test
    void entriesRefusedByAnOpenCircuitBreakerAreCountedAsBlockedByDegrade() throws Exception {
        DegradeRule breaker = new DegradeRule("meters-test:breaker").setGrade(RuleConstant.DEGRADE_GRADE_EXCEPTION_COUNT)
                .setCount(1).setMinRequestAmount(1).setStatIntervalMs(10_000).setTimeWindow(60);
        DegradeRuleManager.loadRules(List.of(breaker));

        BlockException refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            try (Entry entry = SphU.entry("meters-test:breaker")) {
                Tracer.traceEntry(new IllegalStateException("failing"), entry);
            } catch (BlockException e) {
                refused = e;
            }
        }

        assertThat(refused).isInstanceOf(DegradeException.class);
        assertThat(sample("sentinel_blocked_total", "resource=\"meters-test:breaker\",rule=\"degrade\"")).isEqualTo(1);
        assertThat(sample("sentinel_exceptions_total", "resource=\"meters-test:breaker\""))
                .isEqualTo(sample("sentinel_passed_total", "resource=\"meters-test:breaker\"")).isPositive();
    }

    @Test
    void aResourceKeepsItsMetersFromOneEntryToTheNext() throws Exception {
        try (Entry ignored = SphU.entry("meters-test:kept")) {
            // registers the resource's meters
        }
        Timer first = registry.get("sentinel.response.time").tag("resource", "meters-test:kept").timer();
        try (Entry ignored = SphU.entry("meters-test:kept")) {
            // counted on the same meters
        }

        assertThat(registry.get("sentinel.response.time").tag("resource", "meters-test:kept").timer()).isSameAs(first);
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.max(TimeUnit.SECONDS)).isLessThan(5);
    }
}
