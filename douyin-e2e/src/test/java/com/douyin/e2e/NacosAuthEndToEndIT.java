package com.douyin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alibaba.nacos.api.NacosFactory;
import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.exception.NacosException;
import com.alibaba.nacos.api.naming.NamingService;
import com.douyin.common.testing.LocalNacos;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Nacos holds every secret of the installation (MySQL's password, the token key) and tells the
 * gateway where the user provider is: only our accounts may read it or register in it. An
 * anonymous client, over HTTP or with Nacos' own Java client (gRPC), can neither read a data ID
 * nor register an instance; the services' account reads config and registers, but cannot write
 * config (the launcher's admin publishes it).
 */
@ExtendWith(DouyinSystem.class)
class NacosAuthEndToEndIT {

    /** A Nacos client's settings: anonymous (null user) or signed in. */
    private static Properties client(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty(PropertyKeyConst.SERVER_ADDR, LocalNacos.ADDRESS);
        if (user != null) {
            properties.setProperty(PropertyKeyConst.USERNAME, user);
            properties.setProperty(PropertyKeyConst.PASSWORD, password);
        }
        return properties;
    }

    @Test
    void anAnonymousHttpClientCanNeitherReadConfigNorRegister() throws Exception {
        HttpResponse<String> read = LocalNacos.get("/v2/cs/config?dataId=douyin-secrets.yaml&group=DEFAULT_GROUP", null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(403);
        assertThat(read.body()).doesNotContain("jwt-secret");

        HttpResponse<String> register = LocalNacos.post("/v2/ns/instance", "serviceName=douyin-user&ip=203.0.113.7&port=20881", null);
        assertThat(register.statusCode()).as(register.body()).isEqualTo(403);

        // The header Nacos servers of a cluster recognise each other by, with a guessed value.
        HttpResponse<String> posingAsAServer = LocalNacos.get("/v1/cs/configs?dataId=douyin-secrets.yaml&group=DEFAULT_GROUP", null,
                "douyin-nacos-server", "douyin-local");
        assertThat(posingAsAServer.statusCode()).as(posingAsAServer.body()).isEqualTo(403);
    }

    @Test
    void anAnonymousNacosClientCanNeitherReadConfigNorRegister() throws Exception {
        ConfigService config = NacosFactory.createConfigService(client(null, null));
        NamingService naming = NacosFactory.createNamingService(client(null, null));
        try {
            assertThatThrownBy(() -> config.getConfig("douyin-secrets.yaml", "DEFAULT_GROUP", 5000))
                    .isInstanceOfSatisfying(NacosException.class, e -> assertThat(e.getErrCode()).isEqualTo(403));
            assertThatThrownBy(() -> naming.registerInstance("douyin-user", "203.0.113.7", 20881))
                    .isInstanceOf(NacosException.class);
        } finally {
            config.shutDown();
            naming.shutDown();
        }
        assertThat(instancesAtFakeAddress()).as("no fake douyin-user registered").isZero();
    }

    @Test
    void theServicesAccountReadsConfigAndRegistersButCannotWriteConfig() throws Exception {
        ConfigService config = NacosFactory.createConfigService(client(LocalNacos.SERVICE_USER, LocalNacos.servicePassword()));
        NamingService naming = NacosFactory.createNamingService(client(LocalNacos.SERVICE_USER, LocalNacos.servicePassword()));
        try {
            String shared = config.getConfig("douyin-shared.yaml", "DEFAULT_GROUP", 5000);
            assertThat(shared).contains("douyin:");
            // (a harmless change, should this ever pass: a comment more)
            assertThat(config.publishConfig("douyin-shared.yaml", "DEFAULT_GROUP", shared + "\n# tampered\n")).as("refused").isFalse();
            assertThat(config.getConfig("douyin-shared.yaml", "DEFAULT_GROUP", 5000)).as("unchanged").isEqualTo(shared);

            naming.registerInstance("douyin-auth-check", "203.0.113.8", 1);
            assertThat(naming.getAllInstances("douyin-auth-check", false)).extracting(i -> i.getIp()).contains("203.0.113.8");
            naming.deregisterInstance("douyin-auth-check", "203.0.113.8", 1);
        } finally {
            config.shutDown();
            naming.shutDown();
        }
    }

    private static long instancesAtFakeAddress() throws Exception {
        HttpResponse<String> list = LocalNacos.get("/v2/ns/instance/list?serviceName=douyin-user", LocalNacos.adminToken());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return list.body().split("203\\.0\\.113\\.7", -1).length - 1L;
    }
}
