package com.douyin.common.nacos;

import java.util.Objects;
import org.springframework.boot.context.config.ConfigDataResource;

/** One Nacos data ID to load as configuration, e.g. {@code nacos:douyin-user.yaml}. */
public final class NacosConfigDataResource extends ConfigDataResource {

    private final String serverAddr;
    private final String namespace;
    private final String group;
    private final String dataId;
    private final boolean enabled;

    NacosConfigDataResource(String serverAddr, String namespace, String group, String dataId,
                            boolean enabled, boolean optional) {
        super(optional);
        this.serverAddr = serverAddr;
        this.namespace = namespace;
        this.group = group;
        this.dataId = dataId;
        this.enabled = enabled;
    }

    String serverAddr() { return serverAddr; }
    String namespace() { return namespace; }
    String group() { return group; }
    String dataId() { return dataId; }
    boolean enabled() { return enabled; }

    @Override
    public boolean equals(Object o) {
        return o instanceof NacosConfigDataResource r && r.serverAddr.equals(serverAddr)
                && r.namespace.equals(namespace) && r.group.equals(group) && r.dataId.equals(dataId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverAddr, namespace, group, dataId);
    }

    @Override
    public String toString() {
        return "nacos:" + group + "/" + dataId + "@" + serverAddr;
    }
}
