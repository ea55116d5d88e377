package com.douyin.common.text;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Loads the sensitive-word dictionary while a service that masks user text
 * ({@code douyin.text.masking: true}) starts, before Dubbo announces it: built on first use, it
 * cost the first comment of a freshly started system seconds, past its timeout.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "douyin.text.masking", havingValue = "true")
public class SensitiveTextWarmUpAutoConfiguration {

    @Bean
    SmartInitializingSingleton sensitiveTextWarmUp() {
        return () -> SensitiveText.mask("warm-up");
    }
}
