package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.http;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.newName;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static com.douyin.e2e.ApiClient.postMultipart;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /douyin/user/update/ through the gateway: name, signature, images, and what it refuses. */
@ExtendWith(DouyinSystem.class)
class ProfileEditEndToEndIT {

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void nameSignatureAndAvatarChangeAndTheNextReadShowsThem() throws Exception {
        ApiClient.Account me = newAccount();
        String name = newName();
        byte[] avatar = png();
        JsonNode updated = ok(postMultipart("/douyin/user/update/", Map.of("token", me.token(), "name", name, "signature", "hello 你好"),
                "avatar", "me.png", avatar));
        assertThat(updated.get("status_code").asInt()).as(updated.toString()).isZero();
        assertThat(updated.get("user").get("name").asText()).isEqualTo(name);

        JsonNode read = ok(get("/douyin/user/?user_id=" + me.id())).get("user");
        assertThat(read.get("name").asText()).isEqualTo(name);
        assertThat(read.get("signature").asText()).isEqualTo("hello 你好");
        String avatarUrl = read.get("avatar").asText();
        assertThat(avatarUrl).contains("avatars/" + me.id() + "/").endsWith(".png");
        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(URI.create(avatarUrl)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(avatar);
        assertThat(ok(post("/douyin/user/login/", form("username", name, "password", "secret123"))).get("status_code").asInt())
                .as("the new name logs in").isZero();

        JsonNode again = ok(postMultipart("/douyin/user/update/", Map.of("token", me.token()), "avatar", "again.png", png()));
        assertThat(again.get("status_code").asInt()).as(again.toString()).isZero();
        String newAvatarUrl = again.get("user").get("avatar").asText();
        assertThat(newAvatarUrl).isNotEqualTo(avatarUrl);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(newAvatarUrl)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(avatarUrl)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).as("the replaced avatar is deleted").isEqualTo(404);
    }

    @Test
    void aNonImageAnOversizedImageATakenNameAndAnEmptyEditAreRefused() throws Exception {
        ApiClient.Account me = newAccount();
        JsonNode notImage = ok(postMultipart("/douyin/user/update/", Map.of("token", me.token()), "avatar", "a.png",
                "GIF89a, or rather plain text".getBytes()));
        assertThat(notImage.get("status_code").asInt()).isEqualTo(20009);

        byte[] huge = Arrays.copyOf(png(), 6 * 1024 * 1024);
        HttpResponse<String> tooLarge = postMultipart("/douyin/user/update/", Map.of("token", me.token()), "background_image", "b.png", huge);
        assertThat(tooLarge.statusCode()).isEqualTo(413);

        ApiClient.Account other = newAccount();
        String othersName = ok(get("/douyin/user/?user_id=" + other.id())).get("user").get("name").asText();
        JsonNode taken = ok(post("/douyin/user/update/", form("token", me.token(), "name", othersName)));
        assertThat(taken.get("status_code").asInt()).isEqualTo(20003);

        assertThat(ok(post("/douyin/user/update/", form("token", me.token()))).get("status_code").asInt()).isEqualTo(20010);
        assertThat(ok(post("/douyin/user/update/", form("name", "x"))).get("status_code").asInt()).as("no token").isEqualTo(10101);
        JsonNode unchanged = ok(get("/douyin/user/?user_id=" + me.id())).get("user");
        assertThat(unchanged.get("avatar").asText()).contains("default-avatar");
        assertThat(unchanged.get("background_image").asText()).contains("default-background");
    }
}
