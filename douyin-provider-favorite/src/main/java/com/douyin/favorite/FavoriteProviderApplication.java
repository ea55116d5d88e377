package com.douyin.favorite;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@EnableDubbo
public class FavoriteProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(FavoriteProviderApplication.class, args);
    }
}
