package com.douyin.common.dubbo;

import org.apache.dubbo.common.profiler.ProfilerSwitch;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Turns Dubbo's simple profiler off when {@code douyin.dubbo.simple-profiler=false}, which the
 * launcher sets when it runs everything on loopback. The profiler records each caller's address,
 * and Dubbo turns a 127.0.0.1 caller into the machine's "real" address; with every network
 * interface ignored there is none to cache, so Dubbo enumerates the interfaces again on every
 * call (profiled: about a sixth of the user provider's CPU under the feed benchmark).
 * Deployments with a real network keep the profiler.
 */
@AutoConfiguration
@ConditionalOnClass(ProfilerSwitch.class)
@ConditionalOnProperty(name = "douyin.dubbo.simple-profiler", havingValue = "false")
public class LoopbackProfilerAutoConfiguration {

    public LoopbackProfilerAutoConfiguration() {
        ProfilerSwitch.disableSimpleProfiler();
    }
}
