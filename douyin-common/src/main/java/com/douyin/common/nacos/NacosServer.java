package com.douyin.common.nacos;

import com.alibaba.nacos.api.PropertyKeyConst;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Where a service's Nacos is and the account it signs in with ({@code douyin.nacos.*}). The
 * launcher passes the account as NACOS_USERNAME / NACOS_PASSWORD: it cannot come from Nacos,
 * which needs it to answer. A blank username is anonymous (a Nacos without authentication).
 */
public record NacosServer(String address, String namespace, String username, String password) {

    static NacosServer bind(Binder binder) {
        return new NacosServer(
                binder.bind("douyin.nacos.server-addr", String.class).orElse("127.0.0.1:8848"),
                binder.bind("douyin.nacos.namespace", String.class).orElse(""),
                binder.bind("douyin.nacos.username", String.class).orElse(""),
                binder.bind("douyin.nacos.password", String.class).orElse(""));
    }

    /** The settings of a Nacos client (config or naming) of this server and account. */
    public Properties clientProperties() {
        Properties properties = new Properties();
        properties.setProperty(PropertyKeyConst.SERVER_ADDR, address);
        if (!namespace.isBlank()) {
            properties.setProperty(PropertyKeyConst.NAMESPACE, namespace);
        }
        if (!username.isBlank()) {
            properties.setProperty(PropertyKeyConst.USERNAME, username);
            properties.setProperty(PropertyKeyConst.PASSWORD, password);
        }
        return properties;
    }

    /** Never the password (this shows in error messages and logs). */
    @Override
    public String toString() {
        return address + (namespace.isBlank() ? "" : "/" + namespace) + (username.isBlank() ? " (anonymous)" : " as " + username);
    }
}
