package com.douyin.common.tracing;

import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.config.listener.AbstractListener;
import com.alibaba.nacos.api.exception.NacosException;
import com.douyin.common.nacos.NacosYaml;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Keeps a {@link TraceSampler} at {@code douyin.tracing.sampling.probability} and
 * {@code .per-second} of the Nacos data ID douyin-shared.yaml, as that data ID changes, so an
 * operator can raise the sampling while chasing a problem and lower it after, without a restart.
 */
final class TraceSampling {

    static final String DATA_ID = "douyin-shared.yaml";
    private static final Logger log = LoggerFactory.getLogger(TraceSampling.class);

    private TraceSampling() {
    }

    /** Applies every change of the data ID, watched through the service's one config client (no new connection). */
    static void watch(TraceSampler sampler, ConfigService nacos, String group) throws NacosException {
        nacos.addListener(DATA_ID, group, new AbstractListener() {
            @Override
            public void receiveConfigInfo(String yaml) {
                applyTo(sampler, yaml);
            }
        });
    }

    /** A changed data ID; without the keys, or unreadable, the sampling stays as it was. */
    static void applyTo(TraceSampler sampler, String yaml) {
        try {
            Binder binder = NacosYaml.binderOf(DATA_ID, yaml);
            double probability = binder.bind("douyin.tracing.sampling.probability", Double.class).get();
            int perSecond = binder.bind("douyin.tracing.sampling.per-second", Integer.class).get();
            sampler.set(probability, perSecond);
            log.info("Trace sampling: {} of new traces, at most {} a second", probability, perSecond);
        } catch (IOException | RuntimeException e) {
            log.warn("{} in Nacos has no valid douyin.tracing.sampling, the sampling stays as it was: {}", DATA_ID, e.toString());
        }
    }

}
