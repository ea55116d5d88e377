package com.douyin.user.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code douyin.user.*} in config-nacos/douyin-user.yaml. */
@ConfigurationProperties("douyin.user")
public record UserProperties(
        Duration cacheTtl,
        int maxFailedLogins,
        Duration failedLoginWindow,
        long bloomExpectedUsers,
        double bloomFalsePositiveRate) {

    public UserProperties {
        cacheTtl = cacheTtl == null ? Duration.ofMinutes(30) : cacheTtl;
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        failedLoginWindow = failedLoginWindow == null ? Duration.ofMinutes(5) : failedLoginWindow;
        bloomExpectedUsers = bloomExpectedUsers <= 0 ? 1_000_000 : bloomExpectedUsers;
        bloomFalsePositiveRate = bloomFalsePositiveRate <= 0 ? 0.001 : bloomFalsePositiveRate;
    }
}
