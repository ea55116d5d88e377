package com.douyin.common.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Nacos that {@code ./douyin infra} or {@code up} runs, with authentication on, and the
 * accounts the launcher made for it (secrets in .run/secrets/): the services' account, which tests
 * that register or subscribe sign in with, and the admin, which publishes config.
 */
public final class LocalNacos {

    public static final String ADDRESS = "127.0.0.1:8848";
    public static final String SERVICE_USER = "douyin-service";
    private static final Path SECRETS = Launcher.REPO.resolve(".run").resolve("secrets");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalNacos() {
    }

    public static String servicePassword() {
        return secret("nacos-service-password");
    }

    /** Signs a test's Dubbo registry in as the services do (read when the context starts, after the launcher ran). */
    public static void signInDubboRegistry(DynamicPropertyRegistry registry) {
        registry.add("dubbo.registry.username", () -> SERVICE_USER);
        registry.add("dubbo.registry.password", LocalNacos::servicePassword);
    }

    /** An access token of Nacos's admin. */
    public static String adminToken() throws IOException, InterruptedException {
        HttpResponse<String> answer = post("/v1/auth/users/login", "username=nacos&password=" + encode(secret("nacos-admin-password")), null);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Nacos refused its admin's login: " + answer.statusCode() + " " + answer.body());
        }
        return new ObjectMapper().readTree(answer.body()).get("accessToken").asText();
    }

    /** Publishes a data ID as the admin (as {@code ./douyin up} does); answers whether Nacos took it. */
    public static boolean publishConfig(String dataId, String type, String content) throws IOException, InterruptedException {
        String form = "dataId=" + encode(dataId) + "&group=DEFAULT_GROUP&type=" + type + "&content=" + encode(content);
        return post("/v2/cs/config", form, adminToken()).body().contains("\"data\":true");
    }

    /** A form POST to Nacos's HTTP API, with a token or anonymous (null). */
    public static HttpResponse<String> post(String path, String form, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + ADDRESS + "/nacos" + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (token != null) {
            request.header("accessToken", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of Nacos's HTTP API, with a token or anonymous (null), and any further header name-value pairs. */
    public static HttpResponse<String> get(String pathAndQuery, String token, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + ADDRESS + "/nacos" + pathAndQuery));
        if (token != null) {
            request.header("accessToken", token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String secret(String name) {
        try {
            return Files.readString(SECRETS.resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + name + " in " + SECRETS + " (./douyin infra makes it)", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
