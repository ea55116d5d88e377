package com.douyin.favorite;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableDubbo
@EnableScheduling // the outbox retry of the synchronous path
public class FavoriteProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(FavoriteProviderApplication.class, args);
    }
}
