package com.douyin.common.nacos;

import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.exception.NacosException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Reads a YAML data ID from Nacos at start-up with the official client. Spring Cloud Alibaba
 * would do the same, but its Boot 3.5 line ships Nacos client 3.x while Dubbo 3.3 needs 2.5.
 */
public class NacosConfigDataLoader implements ConfigDataLoader<NacosConfigDataResource> {

    private static final long TIMEOUT_MS = 5_000;

    @Override
    public ConfigData load(ConfigDataLoaderContext context, NacosConfigDataResource resource) throws IOException {
        if (!resource.enabled()) {
            return ConfigData.EMPTY;
        }
        String content = fetch(resource);
        if (content == null || content.isBlank()) {
            // Spring skips this for an "optional:nacos:" import and fails start-up otherwise.
            throw new ConfigDataResourceNotFoundException(resource);
        }
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(resource.toString(),
                new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)));
        return new ConfigData(sources);
    }

    private static String fetch(NacosConfigDataResource resource) throws IOException {
        ConfigService configService = null;
        try {
            configService = NacosConfigClients.create(resource.server());
            return configService.getConfig(resource.dataId(), resource.group(), TIMEOUT_MS);
        } catch (NacosException e) {
            throw new IOException("Cannot read " + resource + " from Nacos: " + e.getErrMsg(), e);
        } finally {
            if (configService != null) {
                try {
                    configService.shutDown();
                } catch (NacosException ignored) {
                    // the client's threads stop anyway when the JVM exits
                }
            }
        }
    }
}
