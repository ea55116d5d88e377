package com.douyin.common.storage;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The local object store unless {@code douyin.storage.type} names another one. */
@AutoConfiguration
@EnableConfigurationProperties(StorageProperties.class)
public class ObjectStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ObjectStore.class)
    @ConditionalOnProperty(name = "douyin.storage.type", havingValue = "local", matchIfMissing = true)
    LocalObjectStore localObjectStore(StorageProperties properties) {
        return new LocalObjectStore(Path.of(properties.localRoot()));
    }
}
