package com.douyin.common.mq;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends an event through RocketMQ behind a Sentinel circuit breaker. When a send fails, or the
 * breaker is open because sends have been failing or slow, the caller's synchronous fallback
 * runs instead, so the user's write succeeds either way. Consumers deduplicate by event key, so
 * an event that was both sent (a send reported as failed that did arrive) and applied by the
 * fallback counts once.
 */
public final class BrokerOrFallback {

    private static final Logger log = LoggerFactory.getLogger(BrokerOrFallback.class);

    private final RocketMQTemplate rocketMQ;
    private final String resource;

    /** {@code resource} names the breaker (Sentinel resource), e.g. "mq:douyin-favorite". */
    public BrokerOrFallback(RocketMQTemplate rocketMQ, String resource) {
        this.rocketMQ = rocketMQ;
        this.resource = resource;
    }

    /**
     * Default breaker rules until rules come from Nacos: open for {@code openSeconds} when half
     * of at least 3 sends in 10 s failed, or half of at least 5 took longer than {@code slowMs}.
     */
    public BrokerOrFallback withDefaultRules(int slowMs, int openSeconds) {
        DegradeRule errors = new DegradeRule(resource).setGrade(RuleConstant.DEGRADE_GRADE_EXCEPTION_RATIO)
                .setCount(0.5).setMinRequestAmount(3).setStatIntervalMs(10_000).setTimeWindow(openSeconds);
        DegradeRule slow = new DegradeRule(resource).setGrade(RuleConstant.DEGRADE_GRADE_RT)
                .setCount(slowMs).setSlowRatioThreshold(0.5).setMinRequestAmount(5).setStatIntervalMs(10_000)
                .setTimeWindow(openSeconds);
        synchronized (DegradeRuleManager.class) {
            List<DegradeRule> rules = new ArrayList<>(DegradeRuleManager.getRules());
            rules.removeIf(rule -> rule.getResource().equals(resource));
            rules.add(errors);
            rules.add(slow);
            DegradeRuleManager.loadRules(rules);
        }
        return this;
    }

    /** Sends {@code event} to {@code topic}, or runs {@code fallback} if the broker cannot take it. */
    public void send(String topic, Object event, String eventKey, Runnable fallback) {
        Entry entry;
        try {
            entry = SphU.entry(resource);
        } catch (BlockException open) {
            fallback.run(); // the breaker is open: do not even try the broker
            return;
        }
        boolean sent = false;
        try {
            rocketMQ.syncSend(topic, MessageBuilder.withPayload(event).setHeader(RocketMQHeaders.KEYS, eventKey).build());
            sent = true;
        } catch (RuntimeException e) {
            Tracer.traceEntry(e, entry);
            log.warn("Broker unavailable for {} ({}); writing it synchronously", eventKey, e.toString());
        } finally {
            entry.exit(); // before the fallback, so its time does not count as the broker's
        }
        if (!sent) {
            fallback.run();
        }
    }
}
