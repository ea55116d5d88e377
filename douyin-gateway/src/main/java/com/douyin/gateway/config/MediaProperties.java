package com.douyin.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code douyin.media.*}: where clients reach files. {@code publicBaseUrl} is the gateway as
 * clients see it (default images; e.g. https://api.example.com); {@code objectBaseUrl} is where
 * stored objects are fetched: the gateway's /media by default (local store), the bucket's or
 * CDN's address with OSS (e.g. https://douyin.oss-cn-hangzhou.aliyuncs.com).
 */
@ConfigurationProperties("douyin.media")
public record MediaProperties(String publicBaseUrl, String objectBaseUrl) {

    public MediaProperties {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? "http://127.0.0.1:8080" : publicBaseUrl.replaceAll("/+$", "");
        objectBaseUrl = objectBaseUrl == null || objectBaseUrl.isBlank()
                ? publicBaseUrl + "/media" : objectBaseUrl.replaceAll("/+$", "");
    }
}
