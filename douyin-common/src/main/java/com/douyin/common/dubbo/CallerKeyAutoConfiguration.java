package com.douyin.common.dubbo;

import java.time.Clock;
import org.apache.dubbo.rpc.Filter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Every service with Dubbo signs its calls and checks its callers: it does not start without the key. */
@AutoConfiguration
@ConditionalOnClass(Filter.class)
public class CallerKeyAutoConfiguration {

    /** The name is the filters' setter's (Dubbo injects Spring beans into its extensions by name). */
    @Bean
    CallerKey callerKey(@Value("${douyin.rpc.caller-secret:}") String secret) {
        return new CallerKey(secret, Clock.systemUTC());
    }
}
