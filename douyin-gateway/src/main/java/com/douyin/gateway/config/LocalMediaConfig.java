package com.douyin.gateway.config;

import com.douyin.common.storage.LocalObjectStore;
import com.douyin.common.storage.ObjectStore;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the local object store at /media/** (Spring's resource handler answers Range
 * requests, so a player can seek). With OSS, clients fetch objects from the bucket instead.
 */
@Configuration
public class LocalMediaConfig implements WebMvcConfigurer {

    private final ObjectStore store;

    public LocalMediaConfig(ObjectStore store) {
        this.store = store;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        if (store instanceof LocalObjectStore local) {
            registry.addResourceHandler("/media/**").addResourceLocations(local.root().toUri().toString());
        }
    }
}
