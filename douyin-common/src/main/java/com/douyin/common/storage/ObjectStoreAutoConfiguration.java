package com.douyin.common.storage;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The object store named by {@code douyin.storage.type}: local (default) or oss. */
@AutoConfiguration
@EnableConfigurationProperties(StorageProperties.class)
public class ObjectStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ObjectStore.class)
    @ConditionalOnProperty(name = "douyin.storage.type", havingValue = "local", matchIfMissing = true)
    LocalObjectStore localObjectStore(StorageProperties properties) {
        return new LocalObjectStore(Path.of(properties.localRoot()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.aliyun.oss.OSS")
    @ConditionalOnProperty(name = "douyin.storage.type", havingValue = "oss")
    static class Oss {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(ObjectStore.class)
        OssObjectStore ossObjectStore(StorageProperties properties) {
            return new OssObjectStore(properties.oss());
        }
    }
}
