package com.douyin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * compose.yaml cannot run here (no Docker engine), so it is checked against the code: every
 * service it builds is a module of the build with that service's name, every variable it sets
 * for the services is read by their configuration, and the gateway's published port is the one
 * it listens on.
 */
class ComposeFileTest {

    private static final Path REPO = DouyinSystem.REPO;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        return new Yaml().load(Files.readString(REPO.resolve("compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> builtServices() throws Exception {
        Map<String, Map<String, Object>> built = new TreeMap<>();
        ((Map<String, Map<String, Object>>) compose().get("services")).forEach((name, service) -> {
            if (service.get("build") instanceof Map<?, ?>) {
                built.put(name, service);
            }
        });
        return built;
    }

    /** Every module's application.yaml, one after the other. */
    private static String applicationYamls() throws Exception {
        try (Stream<Path> modules = Files.list(REPO).filter(dir -> dir.getFileName().toString().startsWith("douyin-"))) {
            return readAll(modules.map(dir -> dir.resolve("src/main/resources/application.yaml")).filter(Files::exists));
        }
    }

    private static String readAll(Stream<Path> files) {
        StringBuilder all = new StringBuilder();
        files.forEach(file -> {
            try {
                all.append(Files.readString(file)).append('\n');
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return all.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyBuiltServiceIsAModuleWithThatApplicationName() throws Exception {
        String rootPom = Files.readString(REPO.resolve("pom.xml"));
        Map<String, Map<String, Object>> built = builtServices();
        assertThat(built).hasSize(7);
        for (Map.Entry<String, Map<String, Object>> service : built.entrySet()) {
            String module = (String) ((Map<String, Object>) ((Map<String, Object>) service.getValue().get("build")).get("args")).get("MODULE");
            assertThat(rootPom).as("module of " + service.getKey()).contains("<module>" + module + "</module>");
            String applicationYaml = Files.readString(REPO.resolve(module).resolve("src/main/resources/application.yaml"));
            assertThat(applicationYaml).as("spring.application.name of " + module).contains("name: " + service.getKey());
            Map<String, Object> environment = (Map<String, Object>) service.getValue().get("environment");
            assertThat(Files.readString(REPO.resolve("Dockerfile"))).as("Dockerfile builds " + module).contains(module);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableGivenToTheServicesIsReadByTheirConfiguration() throws Exception {
        String configuration;
        try (Stream<Path> files = Files.list(REPO.resolve("config-nacos"))) {
            configuration = readAll(files.filter(f -> f.toString().endsWith(".yaml")));
        }
        List<String> unread = new ArrayList<>();
        Map<String, Object> environment = (Map<String, Object>) builtServices().get("douyin-user").get("environment");
        for (String variable : environment.keySet()) {
            if (variable.startsWith("DOUYIN_") && !configuration.contains("${" + variable)) {
                unread.add(variable);
            }
        }
        assertThat(unread).as("variables compose sets that no config-nacos/ file reads").isEmpty();
        assertThat(applicationYamls()).as("NACOS_ADDR is read by the services").contains("${NACOS_ADDR");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyProviderIsHealthyWhenItsDubboPortAnswersAndTheGatewayWaitsForAll() throws Exception {
        Map<String, Object> gatewayDependsOn = (Map<String, Object>) builtServices().get("douyin-gateway").get("depends_on");
        Pattern dubboPort = Pattern.compile("port: \\$\\{DUBBO_PORT:(\\d+)}");
        for (Map.Entry<String, Map<String, Object>> service : builtServices().entrySet()) {
            if (service.getKey().equals("douyin-gateway")) {
                continue;
            }
            String module = "douyin-provider-" + service.getKey().substring("douyin-".length());
            Matcher port = dubboPort.matcher(Files.readString(REPO.resolve(module).resolve("src/main/resources/application.yaml")));
            assertThat(port.find()).as("Dubbo port of " + module).isTrue();
            Map<String, Object> healthcheck = (Map<String, Object>) service.getValue().get("healthcheck");
            assertThat(String.valueOf(healthcheck.get("test"))).as("health check of " + service.getKey())
                    .contains("/dev/tcp/127.0.0.1/" + port.group(1));
            assertThat(String.valueOf(gatewayDependsOn.get(service.getKey()))).as("gateway waits for " + service.getKey())
                    .contains("service_healthy");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStoresTheCodeExpectsAreThere() throws Exception {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertThat(services).containsKeys("mysql", "mysql-replica", "redis", "nacos", "rocketmq-namesrv", "rocketmq-broker",
                "seata-server", "sentinel-dashboard", "skywalking-oap", "skywalking-ui");
        // The providers in a Seata transaction find the coordinator where the shared config says.
        assertThat(Files.readString(REPO.resolve("config-nacos/douyin-shared.yaml"))).contains("${DOUYIN_SEATA_ADDR:");
        for (String participant : List.of("douyin-user", "douyin-video")) {
            assertThat(String.valueOf(builtServices().get(participant).get("depends_on"))).as(participant + " waits for Seata")
                    .contains("seata-server");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGatewaysPublishedPortIsTheOneItListensOn() throws Exception {
        List<String> ports = (List<String>) builtServices().get("douyin-gateway").get("ports");
        Matcher port = Pattern.compile("port: \\$\\{GATEWAY_PORT:(\\d+)}")
                .matcher(Files.readString(REPO.resolve("douyin-gateway/src/main/resources/application.yaml")));
        assertThat(port.find()).isTrue();
        assertThat(ports).contains("8080:" + port.group(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRefusesToStartWithoutThisInstallationsSecrets() throws Exception {
        Map<String, Object> publisher = (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get("nacos-config");
        Map<String, Object> environment = (Map<String, Object>) publisher.get("environment");
        for (String secret : List.of("DOUYIN_JWT_SECRET", "DOUYIN_UPLOAD_SECRET", "DOUYIN_RPC_CALLER_SECRET")) {
            assertThat(String.valueOf(environment.get(secret))).as(secret).startsWith("${" + secret + ":?");
        }
        assertThat(String.valueOf(publisher.get("command"))).contains("douyin-secrets.yaml");
    }

    @Test
    @SuppressWarnings("unchecked")
    void nacosRunsWithAuthenticationAndEveryClientSignsIn() throws Exception {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> nacos = (Map<String, Object>) ((Map<String, Object>) services.get("nacos")).get("environment");
        assertThat(nacos.get("NACOS_AUTH_ENABLE")).isEqualTo("true");
        assertThat(String.valueOf(nacos.get("NACOS_AUTH_TOKEN"))).startsWith("${DOUYIN_NACOS_TOKEN_KEY:?");
        assertThat(String.valueOf(nacos.get("NACOS_AUTH_IDENTITY_VALUE"))).startsWith("${DOUYIN_NACOS_IDENTITY:?");
        for (Map.Entry<String, Map<String, Object>> service : builtServices().entrySet()) {
            Map<String, Object> environment = (Map<String, Object>) service.getValue().get("environment");
            assertThat(environment.get("NACOS_USERNAME")).as(service.getKey()).isEqualTo("douyin-service");
            assertThat(String.valueOf(environment.get("NACOS_PASSWORD"))).as(service.getKey())
                    .startsWith("${DOUYIN_NACOS_SERVICE_PASSWORD:?");
        }
        String publisher = String.valueOf(((Map<String, Object>) services.get("nacos-config")).get("command"));
        assertThat(publisher).contains("/v1/auth/users/login").contains("accessToken: $$T")
                .contains("resource=*:*:config/*&action=r'").contains("resource=*:*:naming/*&action=rw'");
        assertThat(applicationYamls()).contains("username: ${NACOS_USERNAME:}").contains("password: ${NACOS_PASSWORD:}")
                .contains("username: ${douyin.nacos.username}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesUseTheirOwnStoreAccountsWithPasswordsFromTheEnvironment() throws Exception {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> mysql = (Map<String, Object>) ((Map<String, Object>) services.get("mysql")).get("environment");
        assertThat(String.valueOf(mysql.get("MYSQL_ROOT_PASSWORD"))).startsWith("${DOUYIN_MYSQL_ROOT_PASSWORD:?");
        assertThat(String.valueOf(mysql.get("DOUYIN_MYSQL_REPLICATION_PASSWORD"))).startsWith("${DOUYIN_MYSQL_REPLICATION_PASSWORD:?");
        String init = Files.readString(REPO.resolve("infra/compose/mysql-init.sh"));
        assertThat(init).contains("GRANT SELECT, INSERT, UPDATE, DELETE ON douyin.* TO 'douyin_app'@'%'")
                .contains("GRANT REPLICATION SLAVE ON *.* TO 'replicator'@'%'").doesNotContain("GRANT ALL");
        assertThat(Files.readString(REPO.resolve("infra/compose/replica-init.sh"))).contains("SOURCE_USER = 'replicator'");

        for (Map.Entry<String, Map<String, Object>> service : builtServices().entrySet()) {
            Map<String, Object> environment = (Map<String, Object>) service.getValue().get("environment");
            assertThat(environment.get("DOUYIN_MYSQL_USER")).as(service.getKey()).isEqualTo("douyin_app");
            assertThat(String.valueOf(environment.get("DOUYIN_MYSQL_PASSWORD"))).as(service.getKey())
                    .startsWith("${DOUYIN_MYSQL_APP_PASSWORD:?");
            assertThat(String.valueOf(environment.get("DOUYIN_REDIS_PASSWORD"))).as(service.getKey())
                    .startsWith("${DOUYIN_REDIS_PASSWORD:?");
        }
        Map<String, Object> redis = (Map<String, Object>) services.get("redis");
        assertThat(String.valueOf(redis.get("command"))).contains("--requirepass, ${DOUYIN_REDIS_PASSWORD:?");
        assertThat(Files.readString(REPO.resolve("config-nacos/douyin-shared.yaml"))).contains("password: ${DOUYIN_REDIS_PASSWORD:");
    }

    /** The same reporting path as ./douyin up: Micrometer's spans to the OAP's Zipkin receiver, read through its Zipkin query API. */
    @Test
    @SuppressWarnings("unchecked")
    void everyServiceReportsItsSpansToTheOapsZipkinReceiver() throws Exception {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> oap = (Map<String, Object>) ((Map<String, Object>) services.get("skywalking-oap")).get("environment");
        assertThat(oap).containsEntry("SW_RECEIVER_ZIPKIN", "default").containsEntry("SW_QUERY_ZIPKIN", "default");
        Map<String, Object> ui = (Map<String, Object>) ((Map<String, Object>) services.get("skywalking-ui")).get("environment");
        assertThat(ui).containsEntry("SW_ZIPKIN_ADDRESS", "http://skywalking-oap:9412");
        for (Map.Entry<String, Map<String, Object>> service : builtServices().entrySet()) {
            Map<String, Object> environment = (Map<String, Object>) service.getValue().get("environment");
            assertThat(environment).as(service.getKey())
                    .containsEntry("DOUYIN_ZIPKIN_URL", "http://skywalking-oap:9411/api/v2/spans")
                    .doesNotContainKey("JAVA_TOOL_OPTIONS"); // no agent: its Dubbo 3.3 plugin breaks call chains
            assertThat(String.valueOf(service.getValue().get("depends_on"))).as(service.getKey()).contains("skywalking-oap");
        }
        assertThat(Files.readString(REPO.resolve("config-nacos/douyin-shared.yaml"))).contains("endpoint: ${DOUYIN_ZIPKIN_URL:");
    }
}
