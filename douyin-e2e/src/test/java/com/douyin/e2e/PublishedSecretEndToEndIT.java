package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.newName;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The token secret is this installation's own: a token signed with the default that the
 * repository shipped until 2026-12 (anyone could read it) is refused, even with a real user's
 * real session in it.
 */
@ExtendWith(DouyinSystem.class)
class PublishedSecretEndToEndIT {

    private static final String OLD_DEFAULT_SECRET = "local-development-secret-change-me-in-production";

    @Test
    void aTokenSignedWithTheOldPublishedDefaultIsRefused() throws Exception {
        JsonNode registered = register(newName(), "secret123");
        String token = registered.get("token").asText();
        assertThat(ok(get("/douyin/user/?token=" + token)).get("status_code").asInt()).as("the real token").isZero();

        String forged = resign(token, OLD_DEFAULT_SECRET);
        JsonNode answer = ok(get("/douyin/user/?token=" + forged));
        assertThat(answer.get("status_code").asInt()).as(answer.toString()).isEqualTo(10102);
        assertThat(answer.path("user").isObject()).as("no profile for a forged token").isFalse();
    }

    /** The same header and claims (user, session, times) with an HS256 signature made with {@code secret}. */
    private static String resign(String jwt, String secret) throws Exception {
        String signed = jwt.substring(0, jwt.lastIndexOf('.'));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
