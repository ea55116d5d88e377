package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.ids;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /douyin/message/search/ through the gateway: one's own chats only, every word, newest first, in pages. */
@ExtendWith(DouyinSystem.class)
class ChatSearchEndToEndIT {

    private static long send(Account from, Account to, String content) throws Exception {
        ok(post("/douyin/message/action/", form("token", from.token(), "to_user_id", Long.toString(to.id()),
                "action_type", "1", "content", content)));
        JsonNode chat = ok(get("/douyin/message/chat/?token=" + from.token() + "&to_user_id=" + to.id())).get("message_list");
        return chat.get(chat.size() - 1).get("id").asLong();
    }

    private static JsonNode search(Account who, String keyword, String more) throws Exception {
        return ok(get("/douyin/message/search/?token=" + who.token() + "&keyword="
                + URLEncoder.encode(keyword, StandardCharsets.UTF_8) + more));
    }

    @Test
    void aUserFindsTheirOwnMessagesHoldingTheWordsNewestFirstAndNobodyElses() throws Exception {
        Account me = newAccount();
        Account friend = newAccount();
        Account stranger = newAccount();
        long asked = send(me, friend, "周末去爬山吗 hiking");
        long answered = send(friend, me, "好啊, hiking boots ready");
        send(stranger, friend, "hiking is fun");

        JsonNode mine = search(me, "hiking", "");
        assertThat(mine.get("status_code").asInt()).isZero();
        assertThat(ids(mine.get("message_list"))).containsExactly(answered, asked);
        assertThat(mine.get("next_cursor").asText()).isEmpty();
        JsonNode first = mine.get("message_list").get(0);
        assertThat(first.get("from_user_id").asLong()).isEqualTo(friend.id());
        assertThat(first.get("to_user_id").asLong()).isEqualTo(me.id());
        assertThat(first.get("content").asText()).isEqualTo("好啊, hiking boots ready");
        assertThat(first.get("create_time").asLong()).isPositive();

        assertThat(ids(search(me, "爬山", "").get("message_list"))).containsExactly(asked);
        assertThat(ids(search(me, "hiking boots", "").get("message_list"))).as("every word").containsExactly(answered);
        assertThat(ids(search(stranger, "爬山", "").get("message_list"))).as("another person's chat").isEmpty();
        assertThat(ids(search(friend, "hiking", "").get("message_list"))).hasSize(3); // both of its chats
    }

    @Test
    void pagesFollowTheCursorUntilItIsEmpty() throws Exception {
        Account me = newAccount();
        Account friend = newAccount();
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(send(me, friend, "kitten picture " + i));
        }
        List<Long> seen = new ArrayList<>();
        JsonNode page = search(me, "kitten", "&count=2");
        seen.addAll(ids(page.get("message_list")));
        assertThat(page.get("next_cursor").asText()).isNotEmpty();
        page = search(me, "kitten", "&count=2&cursor=" + page.get("next_cursor").asText());
        seen.addAll(ids(page.get("message_list")));
        assertThat(page.get("next_cursor").asText()).isEmpty();
        assertThat(seen).containsExactly(sent.get(2), sent.get(1), sent.get(0));
    }

    @Test
    void badSearchesAreRefusedInTheListsShapeAndMaskedWordsAreNotFound() throws Exception {
        Account me = newAccount();
        Account friend = newAccount();
        JsonNode blank = search(me, "   ", "");
        assertThat(blank.get("status_code").asInt()).isEqualTo(30004);
        assertThat(blank.get("message_list")).isEmpty();
        assertThat(blank.get("next_cursor").asText()).isEmpty();
        assertThat(search(me, "x", "&count=0").get("status_code").asInt()).isEqualTo(10001);
        assertThat(ok(get("/douyin/message/search/?keyword=hiking")).get("status_msg").asText()).contains("log in");

        send(me, friend, "fuck this weather");
        assertThat(ids(search(me, "weather", "").get("message_list"))).hasSize(1);
        assertThat(ids(search(me, "fuck", "").get("message_list"))).as("stored masked, searched as stored").isEmpty();
    }
}
