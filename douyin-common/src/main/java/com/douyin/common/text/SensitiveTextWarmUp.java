package com.douyin.common.text;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the sensitive-word dictionary while a service that masks user text (it imports this)
 * starts, before Dubbo announces it: built on first use, it cost the first comment of a freshly
 * started system seconds, past its timeout.
 */
@Configuration(proxyBeanMethods = false)
public class SensitiveTextWarmUp {

    @Bean
    SmartInitializingSingleton sensitiveTextWarmUp() {
        return () -> SensitiveText.mask("warm-up");
    }
}
