package com.douyin.common.auth;

import com.auth0.jwt.JWT;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@AutoConfiguration
@ConditionalOnClass(JWT.class)
@ConditionalOnProperty("douyin.auth.jwt-secret")
@EnableConfigurationProperties(TokenProperties.class)
public class AccessTokenAutoConfiguration {

    @Bean
    AccessTokens accessTokens(TokenProperties properties) {
        return new AccessTokens(properties, Clock.systemUTC());
    }
}
