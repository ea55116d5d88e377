package com.douyin.common.nacos;

import java.util.Objects;
import org.springframework.boot.context.config.ConfigDataResource;

/** One Nacos data ID to load as configuration, e.g. {@code nacos:douyin-user.yaml}. */
public final class NacosConfigDataResource extends ConfigDataResource {

    private final NacosServer server;
    private final String group;
    private final String dataId;
    private final boolean enabled;

    NacosConfigDataResource(NacosServer server, String group, String dataId, boolean enabled, boolean optional) {
        super(optional);
        this.server = server;
        this.group = group;
        this.dataId = dataId;
        this.enabled = enabled;
    }

    NacosServer server() { return server; }
    String group() { return group; }
    String dataId() { return dataId; }
    boolean enabled() { return enabled; }

    @Override
    public boolean equals(Object o) {
        return o instanceof NacosConfigDataResource r && r.server.equals(server) && r.group.equals(group) && r.dataId.equals(dataId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(server, group, dataId);
    }

    @Override
    public String toString() {
        return "nacos:" + group + "/" + dataId + "@" + server;
    }
}
