package com.alibaba.nacos;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletComponentScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The boot class of the Nacos server, as in Nacos' own console module (not republished):
 * it must live in {@code com.alibaba.nacos} so that component scanning finds every server bean.
 */
@SpringBootApplication
@ServletComponentScan
@EnableScheduling
public class Nacos {

    public static void main(String[] args) {
        // Our settings file, not the application.properties shipped inside the naming jar.
        System.setProperty("spring.config.name", "nacos-standalone");
        System.setProperty("nacos.standalone", "true");
        SpringApplication.run(Nacos.class, args);
    }
}
