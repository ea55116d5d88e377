package com.douyin.favorite;

import com.douyin.common.video.VideoAuthorsConfiguration;
import org.springframework.context.annotation.Import;
import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Import(VideoAuthorsConfiguration.class)
@EnableDubbo
@EnableScheduling // the outbox retry of the synchronous path
public class FavoriteProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(FavoriteProviderApplication.class, args);
    }
}
