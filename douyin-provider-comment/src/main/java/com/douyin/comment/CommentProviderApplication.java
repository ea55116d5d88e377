package com.douyin.comment;

import com.douyin.common.video.VideoAuthorsConfiguration;
import com.douyin.common.text.SensitiveTextWarmUp;
import org.springframework.context.annotation.Import;
import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Import({VideoAuthorsConfiguration.class, SensitiveTextWarmUp.class})
@EnableDubbo
@EnableScheduling // the outbox retry of the synchronous path
public class CommentProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommentProviderApplication.class, args);
    }
}
