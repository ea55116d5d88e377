package com.douyin.video;

import com.douyin.common.text.SensitiveTextWarmUp;
import org.springframework.context.annotation.Import;
import com.douyin.common.text.SearchTerms;
import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Import(SensitiveTextWarmUp.class)
@EnableDubbo
@EnableScheduling // bloom filter upkeep
public class VideoProviderApplication {

    public static void main(String[] args) {
        // HanLP's dictionaries load in a second or two: do it before Dubbo takes traffic.
        SearchTerms.warmUp();
        SpringApplication.run(VideoProviderApplication.class, args);
    }
}
