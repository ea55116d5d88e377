package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.http;
import static com.douyin.e2e.ApiClient.newName;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static com.douyin.e2e.ApiClient.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Register, login and user info through the gateway, as a new user of the app would, with the
 * whole system started by {@code ./douyin up}: Nacos, RocketMQ, MariaDB, Redis, the user
 * provider and the gateway, each its own process.
 */
@ExtendWith(DouyinSystem.class)
class UserApiEndToEndIT {

    private static final List<String> USER_FIELDS = List.of("id", "name", "follow_count", "follower_count",
            "is_follow", "avatar", "background_image", "signature", "total_favorited", "work_count", "favorite_count");

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
        assertThat(ApiClient.contractJson(response).get("status_code").asInt()).isNotZero();
    }
}
