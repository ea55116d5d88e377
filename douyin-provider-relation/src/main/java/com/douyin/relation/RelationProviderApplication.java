package com.douyin.relation;

import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableDubbo
@EnableScheduling // the outbox retry of the synchronous path
public class RelationProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelationProviderApplication.class, args);
    }
}
