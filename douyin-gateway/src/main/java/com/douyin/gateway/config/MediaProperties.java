package com.douyin.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code douyin.media.*}: the public base URL under which clients reach the gateway's files
 * (default images, the local object store), e.g. {@code https://api.example.com}.
 */
@ConfigurationProperties("douyin.media")
public record MediaProperties(String publicBaseUrl) {

    public MediaProperties {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? "http://127.0.0.1:8080" : publicBaseUrl.replaceAll("/+$", "");
    }
}
