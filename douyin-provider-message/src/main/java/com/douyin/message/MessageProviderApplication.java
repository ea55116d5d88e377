package com.douyin.message;

import com.douyin.common.text.SensitiveTextWarmUp;
import org.springframework.context.annotation.Import;
import org.apache.dubbo.config.spring.context.annotation.EnableDubbo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@Import(SensitiveTextWarmUp.class)
@ConfigurationPropertiesScan
@EnableDubbo
public class MessageProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(MessageProviderApplication.class, args);
    }
}
