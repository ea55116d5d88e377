package com.douyin.gateway.config;

import com.douyin.gateway.ratelimit.SentinelHttpGuard;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Sentinel's per-client and per-route limits on every API route (not on media files or health). */
@Configuration
public class RateLimitConfig implements WebMvcConfigurer {

    private final SentinelHttpGuard guard;

    public RateLimitConfig(SentinelHttpGuard guard) {
        this.guard = guard;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard).addPathPatterns("/douyin/**");
    }
}
