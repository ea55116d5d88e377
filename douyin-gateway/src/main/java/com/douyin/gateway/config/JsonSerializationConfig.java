package com.douyin.gateway.config;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jackson writes the client's records through accessors it generates once (Blackbird) instead of
 * calling each through reflection: on a feed page of 30 videos and their authors, reflection was
 * a seventh of the gateway's CPU (docs/performance.md). Spring Boot adds every Module bean to its
 * ObjectMapper.
 */
@Configuration
public class JsonSerializationConfig {

    @Bean
    Module blackbird() {
        return new BlackbirdModule();
    }
}
