package com.douyin.common.video;

import com.douyin.api.video.VideoService;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/** {@link VideoAuthors} for a provider that sets {@code douyin.video-authors.enabled=true} (likes, comments). */
@AutoConfiguration
@ConditionalOnClass({DubboReference.class, Caffeine.class})
@ConditionalOnProperty(name = "douyin.video-authors.enabled", havingValue = "true")
public class VideoAuthorsAutoConfiguration {

    @DubboReference(providedBy = "douyin-video", check = false)
    private VideoService videos;

    @Bean
    VideoAuthors videoAuthors() {
        return new VideoAuthors(videos);
    }
}
