package com.douyin.common.nacos;

import java.util.List;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Resolves {@code spring.config.import: nacos:<data-id>} against the Nacos server named by
 * {@code douyin.nacos.server-addr}, signed in as {@code douyin.nacos.username}. Setting {@code douyin.nacos.config-enabled=false} skips the
 * import (tests that set their properties directly).
 */
public class NacosConfigDataLocationResolver implements ConfigDataLocationResolver<NacosConfigDataResource> {

    static final String PREFIX = "nacos:";

    @Override
    public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
        return location.hasPrefix(PREFIX);
    }

    @Override
    public List<NacosConfigDataResource> resolve(ConfigDataLocationResolverContext context,
                                                 ConfigDataLocation location) {
        Binder binder = context.getBinder();
        String group = binder.bind("douyin.nacos.group", String.class).orElse("DEFAULT_GROUP");
        boolean enabled = binder.bind("douyin.nacos.config-enabled", Boolean.class).orElse(true);
        String dataId = location.getNonPrefixedValue(PREFIX);
        return List.of(new NacosConfigDataResource(NacosServer.bind(binder), group, dataId, enabled,
                location.isOptional()));
    }
}
