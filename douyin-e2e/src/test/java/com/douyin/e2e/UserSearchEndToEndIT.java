package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static com.douyin.e2e.ApiClient.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /douyin/search/user/ through the gateway: prefix and Chinese names, paging, is_follow, errors. */
@ExtendWith(DouyinSystem.class)
class UserSearchEndToEndIT {

    private static JsonNode search(String keyword, String more) throws Exception {
        return ok(get("/douyin/search/user/?keyword=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8) + more));
    }

    @Test
    void namesStartingWithTheKeywordComeInNameOrderWithIsFollowForTheViewer() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long first = register("李" + tag + "一", "secret123").get("user_id").asLong();
        long second = register("李" + tag + "二", "secret123").get("user_id").asLong();
        JsonNode viewer = register("viewer" + tag, "secret123");
        String token = viewer.get("token").asText();
        assertThat(ok(post("/douyin/relation/action/", form("token", token, "to_user_id", Long.toString(second),
                "action_type", "1"))).get("status_code").asInt()).isZero();

        JsonNode all = search("李" + tag, "&token=" + token);
        assertThat(all.get("status_code").asInt()).isZero();
        assertThat(all.get("user_list")).extracting(u -> u.get("id").asLong()).containsExactly(first, second);
        assertThat(all.get("user_list")).extracting(u -> u.get("is_follow").asBoolean()).containsExactly(false, true);
        assertThat(all.get("user_list").get(0).get("name").asText()).isEqualTo("李" + tag + "一");

        JsonNode secondPage = search("李" + tag, "&offset=1&count=1");
        assertThat(secondPage.get("user_list")).extracting(u -> u.get("id").asLong()).containsExactly(second);
        assertThat(secondPage.get("user_list").get(0).get("is_follow").asBoolean()).isFalse(); // anonymous
    }

    @Test
    void aBlankKeywordIsRefusedAndAnUnknownOneFindsNobody() throws Exception {
        JsonNode blank = search("  ", "");
        assertThat(blank.get("status_code").asInt()).isEqualTo(30004);
        assertThat(blank.get("status_msg").asText()).isNotBlank();
        assertThat(blank.get("user_list")).isEmpty(); // still there, empty
        JsonNode none = search("nobody-" + UUID.randomUUID(), "");
        assertThat(none.get("status_code").asInt()).isZero();
        assertThat(none.get("user_list")).isEmpty();
    }
}
