package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.newName;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static com.douyin.e2e.ApiClient.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sessions through the gateway: register and login also answer a refresh token, which
 * POST /douyin/user/refresh/ rotates; a used one presented again ends the session (its newest
 * access token too), and a password change ends the user's other sessions.
 */
@ExtendWith(DouyinSystem.class)
class SessionEndToEndIT {

    private static JsonNode refresh(String refreshToken) throws Exception {
        return ok(post("/douyin/user/refresh/", form("refresh_token", refreshToken)));
    }

    private static int profileStatus(String token) throws Exception {
        return ok(get("/douyin/user/?token=" + token)).get("status_code").asInt();
    }

    /** The status a token's profile read answers once it is not 0, or 0 after 10 s (the gateway may hold "live" for 5 s). */
    private static int statusOnceRefused(String token) throws Exception {
        int status = profileStatus(token);
        for (long deadline = System.currentTimeMillis() + 10_000; status == 0 && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(500);
            status = profileStatus(token);
        }
        return status;
    }

    @Test
    void aRefreshTokenGivesANewAccessTokenOnceAndItsReuseEndsTheSession() throws Exception {
        JsonNode registered = register(newName(), "secret123");
        String first = registered.get("refresh_token").asText();
        assertThat(first).isNotBlank();

        JsonNode refreshed = refresh(first);
        assertThat(refreshed.get("status_code").asInt()).as(refreshed.toString()).isZero();
        assertThat(refreshed.get("user_id").asLong()).isEqualTo(registered.get("user_id").asLong());
        String token = refreshed.get("token").asText();
        String second = refreshed.get("refresh_token").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(profileStatus(token)).isZero();

        JsonNode reused = refresh(first); // a copy of the used token: the session is taken to be stolen
        assertThat(reused.get("status_code").asInt()).isEqualTo(10105);
        assertThat(reused.get("token").asText()).isEmpty();
        assertThat(refresh(second).get("status_code").asInt()).as("the session's newest refresh token").isEqualTo(10105);
        assertThat(statusOnceRefused(token)).as("the session's newest access token").isEqualTo(10104);

        assertThat(refresh("not-a-refresh-token").get("status_code").asInt()).isEqualTo(10105);
        assertThat(ok(post("/douyin/user/refresh/", "")).get("status_code").asInt()).as("missing parameter").isNotZero();
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndKeepsThisOne() throws Exception {
        String name = newName();
        JsonNode phone = register(name, "secret123");
        JsonNode laptop = ok(post("/douyin/user/login/", form("username", name, "password", "secret123")));
        String phoneToken = phone.get("token").asText();
        String laptopToken = laptop.get("token").asText();
        assertThat(profileStatus(laptopToken)).isZero();

        JsonNode wrong = ok(post("/douyin/user/update/", form("token", phoneToken, "old_password", "not-it", "new_password", "newsecret1")));
        assertThat(wrong.get("status_code").asInt()).isEqualTo(20007);

        JsonNode changed = ok(post("/douyin/user/update/", form("token", phoneToken, "old_password", "secret123", "new_password", "newsecret1")));
        assertThat(changed.get("status_code").asInt()).as(changed.toString()).isZero();
        assertThat(profileStatus(phoneToken)).as("this session").isZero();
        assertThat(refresh(laptop.get("refresh_token").asText()).get("status_code").asInt()).isEqualTo(10105);
        assertThat(statusOnceRefused(laptopToken)).as("the other session's access token").isEqualTo(10104);
        assertThat(ok(post("/douyin/user/login/", form("username", name, "password", "newsecret1"))).get("status_code").asInt()).isZero();
    }
}
