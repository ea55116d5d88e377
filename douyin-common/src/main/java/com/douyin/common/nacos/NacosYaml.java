package com.douyin.common.nacos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ByteArrayResource;

/** A YAML data ID's content, read again while a service runs, bound as Spring binds its configuration. */
public final class NacosYaml {

    private NacosYaml() {
    }

    /** A binder over {@code yaml} (the content of {@code dataId}); invalid YAML throws. */
    public static Binder binderOf(String dataId, String yaml) throws IOException {
        var sources = new YamlPropertySourceLoader().load(dataId, new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
        return new Binder(ConfigurationPropertySources.from(sources));
    }
}
