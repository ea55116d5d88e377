package com.douyin.common.nacos;

import com.alibaba.nacos.api.NacosFactory;
import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.exception.NacosException;
import java.util.Properties;

/** How a service opens a Nacos config client: the one place its connection settings are made. */
public final class NacosConfigClients {

    private NacosConfigClients() {
    }

    /** A config client of the server at {@code serverAddr}; a blank namespace is Nacos's default one. */
    public static ConfigService create(String serverAddr, String namespace) throws NacosException {
        Properties properties = new Properties();
        properties.setProperty(PropertyKeyConst.SERVER_ADDR, serverAddr);
        if (!namespace.isBlank()) {
            properties.setProperty(PropertyKeyConst.NAMESPACE, namespace);
        }
        return NacosFactory.createConfigService(properties);
    }
}
