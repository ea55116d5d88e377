package com.douyin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Register, login and user info through the gateway, as a new user of the app would, with the
 * whole system started by {@code ./douyin up}: Nacos, RocketMQ, MariaDB, Redis, the user
 * provider and the gateway, each its own process.
 */
class UserApiEndToEndIT {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper json = new ObjectMapper();
    private static final List<String> USER_FIELDS = List.of("id", "name", "follow_count", "follower_count",
            "is_follow", "avatar", "background_image", "signature", "total_favorited", "work_count", "favorite_count");
    private static boolean startedHere;

    @BeforeAll
    static void startTheSystem() throws Exception {
        if (!DouyinSystem.gatewayAnswers()) {
            DouyinSystem.launcher("up");
            startedHere = true;
        }
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (startedHere) {
            DouyinSystem.launcher("down");
            for (int port : new int[] {8080, 8848, 9876, 10911, 20881}) {
                assertThat(DouyinSystem.portOpen(port)).as("port %d after ./douyin down", port).isFalse();
            }
        }
    }

    private static String newName() {
        return "e2e_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static HttpResponse<String> post(String path, String formBody) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(DouyinSystem.API + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(DouyinSystem.API + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("").toLowerCase())
                .startsWith("application/json").contains("charset=utf-8");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return json.readTree(response.body());
    }

    private static JsonNode register(String name, String password) throws Exception {
        return ok(post("/douyin/user/register/", form("username", name, "password", password)));
    }

    @Test
    void newUserRegistersLogsInAndSeesTheirProfile() throws Exception {
        String name = newName();
        JsonNode registered = register(name, "secret123");
        assertThat(registered.get("status_code").asInt()).isZero();
        assertThat(registered.get("status_msg").isTextual()).isTrue();
        long userId = registered.get("user_id").asLong();
        assertThat(registered.get("user_id").isIntegralNumber()).isTrue();
        assertThat(userId).isPositive().isLessThan(1L << 53);
        assertThat(registered.get("token").asText()).isNotEmpty();

        JsonNode login = ok(post("/douyin/user/login", form("username", name, "password", "secret123")));
        assertThat(login.get("status_code").asInt()).isZero();
        assertThat(login.get("user_id").asLong()).isEqualTo(userId);
        String token = login.get("token").asText();

        JsonNode info = ok(get("/douyin/user/?user_id=" + userId + "&token=" + token));
        assertThat(info.get("status_code").asInt()).isZero();
        JsonNode user = info.get("user");
        assertThat(user.fieldNames()).toIterable().containsAll(USER_FIELDS);
        assertThat(user.get("id").asLong()).isEqualTo(userId);
        assertThat(user.get("name").asText()).isEqualTo(name);
        assertThat(user.get("is_follow").isBoolean()).isTrue();
        assertThat(user.get("work_count").isIntegralNumber()).isTrue();
        assertThat(user.get("work_count").asLong()).isZero();
        assertThat(user.get("signature").isTextual()).isTrue();

        // The default images are real, absolute URLs the app can load.
        for (String field : List.of("avatar", "background_image")) {
            String url = user.get(field).asText();
            assertThat(url).startsWith("http://");
            HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(image.statusCode()).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
        }

        // Without user_id, the token's owner; with it twice, the first one; in exponent form, the same ID.
        assertThat(ok(get("/douyin/user?token=" + token)).get("user").get("id").asLong()).isEqualTo(userId);
        assertThat(ok(get("/douyin/user/?user_id=" + userId + "&user_id=1&token=" + token))
                .get("user").get("id").asLong()).isEqualTo(userId);
        String exponent = new BigDecimal(userId).movePointLeft(14).toPlainString() + "e+14";
        assertThat(ok(get("/douyin/user/?user_id=" + URLEncoder.encode(exponent, StandardCharsets.UTF_8)))
                .get("user").get("id").asLong()).isEqualTo(userId);
        // Some clients put the '+' in the query string unencoded, where it reads as a space.
        assertThat(ok(get("/douyin/user/?user_id=" + exponent)).get("user").get("id").asLong()).isEqualTo(userId);
    }

    @Test
    void failedRegisterAndLoginStillCarryUserIdZeroAndEmptyToken() throws Exception {
        String name = newName();
        assertThat(register(name, "secret123").get("status_code").asInt()).isZero();

        JsonNode duplicate = register(name, "other-password");
        assertThat(duplicate.get("status_code").asInt()).isNotZero();
        assertThat(duplicate.get("status_msg").asText()).containsIgnoringCase("taken");
        assertThat(duplicate.get("user_id").asLong()).isZero();
        assertThat(duplicate.get("token").asText()).isEmpty();

        JsonNode wrongPassword = ok(post("/douyin/user/login/", form("username", name, "password", "wrong-password")));
        assertThat(wrongPassword.get("status_code").asInt()).isNotZero();
        assertThat(wrongPassword.get("status_msg").asText()).isNotBlank();
        assertThat(wrongPassword.get("user_id").asLong()).isZero();
        assertThat(wrongPassword.get("token").asText()).isEmpty();

        JsonNode shortPassword = register(newName(), "12345");
        assertThat(shortPassword.get("status_code").asInt()).isNotZero();
        assertThat(shortPassword.get("status_msg").asText()).contains("6");

        JsonNode missing = ok(post("/douyin/user/register/", form("username", newName())));
        assertThat(missing.get("status_code").asInt()).isNotZero();
        assertThat(missing.get("status_msg").asText()).contains("password");
    }

    @Test
    void badTokensAndUnknownUsersAreClearErrors() throws Exception {
        long userId = register(newName(), "secret123").get("user_id").asLong();

        JsonNode tampered = ok(get("/douyin/user/?user_id=" + userId + "&token=not.a.token"));
        assertThat(tampered.get("status_code").asInt()).isNotZero();
        assertThat(tampered.get("status_msg").asText()).containsIgnoringCase("log in");
        assertThat(tampered.has("user")).isTrue();

        JsonNode unknown = ok(get("/douyin/user/?user_id=4242"));
        assertThat(unknown.get("status_code").asInt()).isNotZero();
        assertThat(unknown.get("status_msg").asText()).containsIgnoringCase("not exist");

        JsonNode notANumber = ok(get("/douyin/user/?user_id=abc"));
        assertThat(notANumber.get("status_code").asInt()).isNotZero();
        assertThat(notANumber.get("status_msg").asText()).contains("user_id");

        JsonNode nobody = ok(get("/douyin/user/"));
        assertThat(nobody.get("status_code").asInt()).isNotZero();
    }

    @Test
    void unknownRouteAnswersJsonNotAnErrorPage() throws Exception {
        HttpResponse<String> response = get("/douyin/no-such-route/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("status_code").asInt()).isNotZero();
    }
}
