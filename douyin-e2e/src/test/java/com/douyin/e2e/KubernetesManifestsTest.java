package com.douyin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s/ cannot be applied here (no cluster), so it is checked twice. Against the
 * Kubernetes API: every document is read into the API's own types (fabric8's model, generated from
 * the Kubernetes OpenAPI schema) and may hold no field those types do not know. Against the code:
 * one Deployment per service module with that module's image, ports the services listen on,
 * probes on endpoints they have, only variables their configuration reads, and secrets from the
 * Secret douyin-secrets.
 */
class KubernetesManifestsTest {

    private static final Path REPO = DouyinSystem.REPO;
    private static final Path MANIFESTS = REPO.resolve("deploy/k8s");
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    /** Read once for all the tests. */
    private static List<HasMetadata> manifests;

    /** Every document of every manifest, as the Kubernetes type its apiVersion and kind name. */
    private static synchronized List<HasMetadata> manifests() throws Exception {
        if (manifests != null) {
            return manifests;
        }
        List<HasMetadata> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(MANIFESTS).filter(f -> f.toString().endsWith(".yaml")).sorted()) {
            for (Path file : files.toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = (Map<String, Object>) document;
                    String type = fields.get("apiVersion") + "/" + fields.get("kind");
                    assertThat(TYPES).as(file + ": a kind this chart uses").containsKey(type);
                    all.add(JSON.convertValue(fields, TYPES.get(type)));
                }
            }
        }
        manifests = List.copyOf(all);
        return manifests;
    }

    private static <T> List<T> all(Class<T> type) throws Exception {
        return manifests().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file);
    }

    @Test
    void everyDocumentIsAKubernetesObjectWithNoFieldItsSchemaLacks() throws Exception {
        List<HasMetadata> objects = manifests();
        assertThat(objects).hasSizeGreaterThanOrEqualTo(16);
        for (HasMetadata object : objects) {
            assertThat(unknownFields(object, object.getKind() + " " + object.getMetadata().getName()))
                    .as("fields the Kubernetes API does not have").isEmpty();
            assertThat(object.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
        }
    }

    /** Fields the model kept aside because its schema has no such field (fabric8's additionalProperties), anywhere inside. */
    private static List<String> unknownFields(Object value, String where) throws Exception {
        List<String> unknown = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                unknown.addAll(unknownFields(item, where + "[]"));
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknown.addAll(unknownFields(entry.getValue(), where + "." + entry.getKey()));
            }
        } else if (value instanceof KubernetesResource) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                    continue;
                }
                Object field = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) field).keySet().forEach(key -> unknown.add(where + "." + key));
                } else if (field != null) {
                    unknown.addAll(unknownFields(field, where + "." + getter.getName().substring(3)));
                }
            }
        }
        return unknown;
    }

    @Test
    void everyServiceModuleHasADeploymentOfItsImageListeningWhereItsConfigurationSays() throws Exception {
        List<String> modules;
        try (Stream<Path> dirs = Files.list(REPO)) {
            modules = dirs.map(d -> d.getFileName().toString())
                    .filter(name -> name.startsWith("douyin-provider-") || name.equals("douyin-gateway")).sorted().toList();
        }
        assertThat(read(REPO.resolve("Dockerfile"))).as("the image each module is built into").contains("ARG MODULE");
        List<Deployment> deployments = all(Deployment.class);
        assertThat(deployments).hasSize(modules.size());
        for (String module : modules) {
            String service = module.replace("provider-", "");
            Deployment deployment = deployments.stream().filter(d -> d.getMetadata().getName().equals(service)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Deployment " + service + " for " + module));
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).isEqualTo("douyin/" + module + ":1.0.0");
            String application = read(REPO.resolve(module).resolve("src/main/resources/application.yaml"));
            Matcher port = Pattern.compile("\\$\\{(DUBBO_PORT|GATEWAY_PORT):(\\d+)}").matcher(application);
            assertThat(port.find()).as(module + " listens on a port it takes from the environment").isTrue();
            int listens = Integer.parseInt(port.group(2));
            assertThat(container.getPorts().get(0).getContainerPort()).as(module).isEqualTo(listens);
            assertThat(container.getEnv()).as(module + " is told its port").anySatisfy(env -> {
                assertThat(env.getName()).isEqualTo(port.group(1));
                assertThat(env.getValue()).isEqualTo(String.valueOf(listens));
            });
            assertThat(container.getReadinessProbe()).as(module + " readiness").isNotNull();
            assertThat(container.getLivenessProbe()).as(module + " liveness").isNotNull();
            assertThat(container.getResources().getRequests()).as(module).containsKeys("cpu", "memory");
            // Nacos' deregistration (5 s), Dubbo's shutdown wait (10 s) and Spring's, before the kill.
            assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(30);
            assertThat(container.getLifecycle().getPreStop()).as(module + " leaves Nacos before it stops").isNotNull();
        }
    }

    @Test
    void theGatewaysProbesAreItsLivenessAndReadinessGroups() throws Exception {
        Container gateway = all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals("douyin-gateway")).findFirst()
                .orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(gateway.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(gateway.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(read(REPO.resolve("douyin-gateway/src/main/resources/application.yaml")))
                .as("the probe groups are on outside Kubernetes too").containsPattern("probes:\\s*\\n\\s*enabled: true");
    }

    @Test
    void everyVariableTheManifestsSetIsOneTheConfigurationReadsAndEverySecretComesFromTheSecret() throws Exception {
        StringBuilder configuration = new StringBuilder();
        try (Stream<Path> files = Stream.concat(Files.list(REPO.resolve("config-nacos")), Files.list(REPO)
                .filter(d -> d.getFileName().toString().startsWith("douyin-"))
                .map(d -> d.resolve("src/main/resources/application.yaml")).filter(Files::exists))) {
            for (Path file : files.toList()) {
                configuration.append(read(file)).append('\n');
            }
        }
        Set<String> set = new TreeSet<>();
        all(ConfigMap.class).forEach(map -> set.addAll(map.getData().keySet()));
        for (Deployment deployment : all(Deployment.class)) {
            for (EnvVar env : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                set.add(env.getName());
                if (env.getValueFrom() != null) {
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).as(env.getName()).isEqualTo("douyin-secrets");
                } else {
                    assertThat(env.getName()).as("a value in plain sight").doesNotContain("PASSWORD", "SECRET", "KEY");
                }
            }
        }
        assertThat(set).hasSizeGreaterThan(10);
        for (String name : set) {
            assertThat(configuration.toString()).as(name + " read by a service's configuration").contains("${" + name);
        }
        assertThat(all(ConfigMap.class).get(0).getData().keySet()).as("secrets stay out of the ConfigMap")
                .noneMatch(name -> name.contains("PASSWORD") || name.contains("SECRET"));
    }

    @Test
    void theGatewayAndTheHotProvidersScaleAndEveryHostTheServicesUseIsAService() throws Exception {
        Set<String> scaled = new TreeSet<>();
        Set<String> deployments = new TreeSet<>();
        all(Deployment.class).forEach(d -> deployments.add(d.getMetadata().getName()));
        for (HorizontalPodAutoscaler hpa : all(HorizontalPodAutoscaler.class)) {
            assertThat(deployments).contains(hpa.getSpec().getScaleTargetRef().getName());
            scaled.add(hpa.getSpec().getScaleTargetRef().getName());
            // A topic has 4 queues (TopicCreator): a fifth consumer in a group would have none.
            assertThat(hpa.getSpec().getMaxReplicas()).isLessThanOrEqualTo(hpa.getSpec().getScaleTargetRef().getName().equals("douyin-gateway") ? 16 : 4);
        }
        assertThat(scaled).contains("douyin-gateway", "douyin-favorite", "douyin-video");
        Set<String> services = new TreeSet<>();
        all(Service.class).forEach(s -> services.add(s.getMetadata().getName()));
        for (String value : all(ConfigMap.class).get(0).getData().values()) {
            Matcher host = Pattern.compile("^(?:[a-z]+:(?://)?(?:mysql://)?)?([a-z][a-z0-9-]*):\\d+").matcher(value.replace("jdbc:", ""));
            if (host.find()) {
                assertThat(services).as("the host of " + value).contains(host.group(1));
            }
        }
    }
}
