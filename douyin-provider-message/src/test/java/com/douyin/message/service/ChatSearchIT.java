package com.douyin.message.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.common.CursorPage;
import com.douyin.api.message.MessageDTO;
import com.douyin.api.message.MessageService;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Chat search against the machine's real MariaDB: its FULLTEXT index, the participants' tokens, paging, the backfill. */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "douyin.daily-picks.enabled=false",
        "dubbo.registry.address=nacos://127.0.0.1:8848",
        "dubbo.registry.register=false",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + ChatSearchIT.DATABASE + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=" + ChatSearchIT.REDIS_DATABASE,
        "douyin.message.terms-backfill-on-start=false", // the backfill test runs it itself
})
class ChatSearchIT {

    static final String DATABASE = "douyin_it_message_search";
    static final int REDIS_DATABASE = 10;
    private static final long ANN = 101;
    private static final long BOB = 102;
    private static final long CAT = 103;
    private static final long DAN = 104;

    @DynamicPropertySource
    static void callerKey(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next);
        LocalNacos.signInDubboRegistry(registry);
    }

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate(DATABASE, REDIS_DATABASE);
    }

    @Autowired ChatStore chats;
    @Autowired MessageService messages;
    @Autowired MessageTermsBackfill backfill;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aUserFindsTheirOwnSentAndReceivedMessagesHoldingEveryWordAndNobodyElses() {
        MessageDTO asked = chats.store(ANN, BOB, "周末一起去打篮球吗");
        MessageDTO answered = chats.store(BOB, ANN, "好的, 篮球 and then dinner");
        chats.store(ANN, BOB, "今天的比赛很精彩");
        MessageDTO others = chats.store(CAT, DAN, "我也喜欢篮球");

        assertThat(ids(messages.search(ANN, "篮球", null, 10))).containsExactly(answered.id());
        assertThat(ids(messages.search(ANN, "打篮球", null, 10))).containsExactly(asked.id());
        assertThat(ids(messages.search(BOB, "篮球 dinner", null, 10))).as("every word").containsExactly(answered.id());
        assertThat(ids(messages.search(BOB, "篮球 breakfast", null, 10))).isEmpty();
        assertThat(ids(messages.search(BOB, "DIN", null, 10))).as("a word's start, any case").containsExactly(answered.id());
        assertThat(ids(messages.search(DAN, "篮球", null, 10))).containsExactly(others.id());
        assertThat(ids(messages.search(CAT, "周末", null, 10))).as("not a chat of CAT's").isEmpty();
        assertThat(ids(messages.search(ANN, "!!! 的", null, 10))).as("no searchable word").isEmpty();
    }

    @Test
    void usersWithShortIdsFindOnlyTheirOwnToo() {
        // "u7" would be under InnoDB's 3-character minimum: dropped from the index and the query alike.
        MessageDTO mine = chats.store(7, 8, "snorkel trip");
        chats.store(ANN, CAT, "snorkel gear");
        assertThat(ids(messages.search(7, "snorkel", null, 10))).containsExactly(mine.id());
        assertThat(ids(messages.search(1, "snorkel", null, 10))).as("the assistant's ID").isEmpty();
    }

    @Test
    void pagesGoNewestFirstAndEndWithoutACursor() {
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(chats.store(ANN, DAN, "猫咪 photo " + i).id());
        }
        List<Long> seen = new ArrayList<>();
        CursorPage<MessageDTO> page = messages.search(DAN, "猫咪", null, 2);
        seen.addAll(ids(page));
        while (page.next() != null) {
            page = messages.search(DAN, "猫咪", page.next(), 2);
            seen.addAll(ids(page));
        }
        Collections.reverse(sent);
        assertThat(seen).containsExactlyElementsOf(sent);
    }

    @Test
    void messagesStoredBeforeSearchExistedAreIndexedByTheBackfill() {
        MessageDTO old = chats.store(BOB, CAT, "旧消息 holiday plans");
        jdbc.update("UPDATE message SET content_terms = NULL WHERE id = ?", old.id());
        assertThat(ids(messages.search(CAT, "holiday", null, 10))).isEmpty();

        assertThat(backfill.fillAll()).isGreaterThanOrEqualTo(1);

        assertThat(ids(messages.search(CAT, "holiday", null, 10))).containsExactly(old.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE content_terms IS NULL", Integer.class)).isZero();
    }

    private static List<Long> ids(CursorPage<MessageDTO> page) {
        return page.items().stream().map(MessageDTO::id).toList();
    }
}
