package com.douyin.common.nacos;

import com.alibaba.nacos.api.NacosFactory;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.exception.NacosException;

/** How a service opens a Nacos config client: the one place its connection settings are made. */
public final class NacosConfigClients {

    private NacosConfigClients() {
    }

    /** A config client of {@code server}, signed in with its account. */
    public static ConfigService create(NacosServer server) throws NacosException {
        return NacosFactory.createConfigService(server.clientProperties());
    }
}
