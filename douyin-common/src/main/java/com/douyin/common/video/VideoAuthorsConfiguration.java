package com.douyin.common.video;

import com.douyin.api.video.VideoService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link VideoAuthors}, for a provider that imports it (likes, comments). */
@Configuration(proxyBeanMethods = false)
public class VideoAuthorsConfiguration {

    @DubboReference(providedBy = "douyin-video", check = false)
    private VideoService videos;

    @Bean
    VideoAuthors videoAuthors() {
        return new VideoAuthors(videos);
    }
}
