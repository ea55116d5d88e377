package com.douyin.common.sentinel;

import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.config.SentinelConfig;
import com.alibaba.csp.sentinel.datasource.Converter;
import com.alibaba.csp.sentinel.datasource.ReadableDataSource;
import com.alibaba.csp.sentinel.init.InitExecutor;
import com.alibaba.csp.sentinel.property.SentinelProperty;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.param.ParamFlowRuleManager;
import com.alibaba.nacos.api.config.ConfigService;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentinel in one service: its rules live in Nacos as JSON, one data ID per kind
 * ({@code sentinel-APP-flow.json}, {@code -degrade.json}, {@code -param-flow.json}, group
 * DEFAULT_GROUP; see config-nacos/), and every change there takes effect at once, without a
 * restart. A missing data ID means no rules of that kind. The command port ({@code api-port})
 * lets a Sentinel dashboard ({@code dashboard}, host:port) see the service and push rules.
 *
 * <p>Refusals (a {@link DouyinException} other than "service unavailable") are answers, not
 * failures: they never count towards a circuit breaker's error ratio.
 */
public final class SentinelRules implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SentinelRules.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final List<ReadableDataSource<String, ?>> sources = new ArrayList<>();

    public SentinelRules(String application, ConfigService nacos, int apiPort, String dashboard) {
        System.setProperty(SentinelConfig.PROJECT_NAME_PROP_KEY, application); // the name the dashboard shows
        SentinelConfig.setConfig(SentinelConfig.PROJECT_NAME_PROP_KEY, application);
        SentinelConfig.setConfig("csp.sentinel.api.port", String.valueOf(apiPort));
        if (dashboard != null && !dashboard.isBlank()) {
            SentinelConfig.setConfig("csp.sentinel.dashboard.server", dashboard);
        }
        Tracer.setExceptionPredicate(SentinelRules::isFailure);
        watch(nacos, "sentinel-" + application + "-flow.json", FlowRule.class, FlowRuleManager::register2Property);
        watch(nacos, "sentinel-" + application + "-degrade.json", DegradeRule.class, DegradeRuleManager::register2Property);
        watch(nacos, "sentinel-" + application + "-param-flow.json", ParamFlowRule.class, ParamFlowRuleManager::register2Property);
        InitExecutor.doInit(); // the command port and the dashboard heartbeat
    }

    static boolean isFailure(Throwable error) {
        return !(error instanceof DouyinException refusal)
                || refusal.errorCode() == ErrorCode.SERVICE_UNAVAILABLE || refusal.errorCode() == ErrorCode.INTERNAL_ERROR;
    }

    private <R> void watch(ConfigService nacos, String dataId, Class<R> type, Consumer<SentinelProperty<List<R>>> register) {
        CollectionType listOfRules = JSON.getTypeFactory().constructCollectionType(List.class, type);
        Converter<String, List<R>> parser = json -> {
            if (json == null || json.isBlank()) {
                return new ArrayList<>();
            }
            try {
                return JSON.readValue(json, listOfRules);
            } catch (Exception e) {
                log.error("Sentinel rules {} are not valid JSON, keeping none: {}", dataId, e.toString());
                return new ArrayList<>();
            }
        };
        NacosRuleSource<List<R>> source = new NacosRuleSource<>(nacos, "DEFAULT_GROUP", dataId, parser);
        register.accept(source.getProperty());
        sources.add(source);
    }

    @Override
    public void close() throws Exception {
        for (ReadableDataSource<String, ?> source : sources) {
            source.close();
        }
    }
}
