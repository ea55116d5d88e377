package com.douyin.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.event.VideoPublishedEvent;
import com.douyin.api.user.AuthDTO;
import com.douyin.api.user.ProfileChange;
import com.douyin.api.user.UserDTO;
import com.douyin.api.user.UserService;
import com.douyin.common.auth.AccessClaims;
import com.douyin.common.auth.AccessTokens;
import com.douyin.api.cache.SessionKeys;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import com.douyin.user.service.UserCounterService;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The user provider against the real MariaDB and Redis of the machine (its own database
 * {@code douyin_it_user}, recreated per run, and Redis database 1, flushed per run).
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        "seata.enabled=false", // the Seata path is exercised end to end (PublishWithoutBrokerEndToEndIT)
        "dubbo.registry.address=N/A",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + "douyin_it_user" + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=1",
        "rocketmq.name-server=127.0.0.1:9876",
        "douyin.user.work-count-group=douyin-user-work-count-it", // never takes a running system's events
        "douyin.user.favorite-count-group=douyin-user-favorite-count-it",
        "douyin.user.follow-count-group=douyin-user-follow-count-it",
})
class UserServiceIT {

    @Autowired UserService users;
    @Autowired AccessTokens tokens;
    @Autowired JdbcTemplate jdbc;
    @Autowired RedissonClient redisson;
    @Autowired UserCounterService counters;
    /** The real encoder; a test may run a step between a login's password check and its session. */
    @MockitoSpyBean BCryptPasswordEncoder passwords;

    /** The installation's secrets: the token key, and the Dubbo caller key every service needs to start. */
    @DynamicPropertySource
    static void installationSecrets(DynamicPropertyRegistry registry) {
        registry.add("douyin.auth.jwt-secret", RandomSecret::next);
        registry.add("douyin.rpc.caller-secret", RandomSecret::next);
    }

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate("douyin_it_user");
    }

    private static String uniqueName() {
        return "u" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static ErrorCode codeOf(Throwable t) {
        return ((DouyinException) t).errorCode();
    }

    @Test
    void registerStoresAHashedPasswordAndLoginReturnsTheSameUser() {
        String name = uniqueName();
        AuthDTO registered = users.register(name, "secret123");

        assertThat(registered.userId()).isPositive().isLessThan(1L << 53);
        assertThat(tokens.verify(registered.token()).userId()).isEqualTo(registered.userId());
        String hash = jdbc.queryForObject("SELECT password_hash FROM user WHERE id = ?", String.class, registered.userId());
        assertThat(hash).startsWith("$2").doesNotContain("secret123");

        AuthDTO loggedIn = users.login(name, "secret123");
        assertThat(loggedIn.userId()).isEqualTo(registered.userId());
        assertThat(tokens.verify(loggedIn.token()).userId()).isEqualTo(registered.userId());
    }

    @Test
    void duplicateUsernameIsRefused() {
        String name = uniqueName();
        users.register(name, "secret123");
        assertThatThrownBy(() -> users.register(name, "another123"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.USERNAME_TAKEN));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user WHERE username = ?", Long.class, name)).isEqualTo(1);
    }

    @Test
    void invalidUsernamesAndPasswordsAreRefused() {
        assertThatThrownBy(() -> users.register("", "secret123"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.USERNAME_INVALID));
        assertThatThrownBy(() -> users.register("x".repeat(33), "secret123"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.USERNAME_INVALID));
        assertThatThrownBy(() -> users.register(uniqueName(), "12345"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.PASSWORD_INVALID));
        assertThatThrownBy(() -> users.register(uniqueName(), "p".repeat(33)))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.PASSWORD_INVALID));
    }

    @Test
    void wrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() {
        String name = uniqueName();
        users.register(name, "secret123");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> users.login(name, "wrong-password"))
                    .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.LOGIN_FAILED));
        }
        // Even the right password is refused while the username is throttled.
        assertThatThrownBy(() -> users.login(name, "secret123"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.LOGIN_THROTTLED));
    }

    @Test
    void twentySpellingsOfOneNameThatMySqlTakesForItShareItsFiveAttempts() {
        String name = "throttle" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        users.register(name, "secret123");
        List<ErrorCode> answers = new ArrayList<>();
        for (String spelling : spellingsOf(name, 20)) {
            answers.add(codeOf(catchThrowable(() -> users.login(spelling, "wrong-password"))));
        }
        assertThat(answers.subList(0, 5)).containsOnly(ErrorCode.LOGIN_FAILED);
        assertThat(answers.subList(5, 20)).containsOnly(ErrorCode.LOGIN_THROTTLED);
    }

    /** Upper and lower case, and full-width letters: one name under utf8mb4_unicode_ci. */
    private static List<String> spellingsOf(String name, int count) {
        List<String> spellings = new ArrayList<>();
        for (int i = 0; spellings.size() < count; i++) {
            StringBuilder spelling = new StringBuilder();
            for (int j = 0; j < name.length(); j++) {
                char c = name.charAt(j);
                char cased = (i >> j & 1) == 1 ? Character.toUpperCase(c) : c;
                boolean wide = i >= count / 2 && j == name.length() - 1 && Character.isLetter(c);
                spelling.append(wide ? (char) (cased - 'A' + '\uFF21') : cased);
            }
            spellings.add(spelling.toString());
        }
        assertThat(spellings).doesNotHaveDuplicates();
        return spellings;
    }

    @Test
    void parallelGuessesAtOneAccountGetNoMoreThanItsFiveAttempts() throws Exception {
        String name = uniqueName();
        users.register(name, "secret123");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ErrorCode>> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            guesses.add(pool.submit(() -> {
                start.await();
                return codeOf(catchThrowable(() -> users.login(name, "wrong-password")));
            }));
        }
        start.countDown();
        int failed = 0;
        for (Future<ErrorCode> guess : guesses) {
            ErrorCode code = guess.get();
            assertThat(code).isIn(ErrorCode.LOGIN_FAILED, ErrorCode.LOGIN_THROTTLED);
            failed += code == ErrorCode.LOGIN_FAILED ? 1 : 0;
        }
        pool.shutdown();
        assertThat(failed).isEqualTo(5);
    }

    @Test
    void unknownUsernameLooksLikeAWrongPassword() {
        assertThatThrownBy(() -> users.login(uniqueName(), "secret123"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.LOGIN_FAILED));
    }

    @Test
    void tamperedTokenIsRejected() {
        String token = users.register(uniqueName(), "secret123").token();
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "invalidsignature";
        assertThatThrownBy(() -> tokens.verify(tampered))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.TOKEN_INVALID));
    }

    @Test
    void unknownUserIdIsNotFound() {
        assertThatThrownBy(() -> users.getUser(123_456_789L))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.USER_NOT_FOUND));
        assertThatThrownBy(() -> users.getUser(-1L))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.USER_NOT_FOUND));
    }

    @Test
    void concurrentRegistrationOfOneNameHasExactlyOneWinner() throws Exception {
        String name = uniqueName();
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AuthDTO>> attempts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<AuthDTO> attempt = () -> {
                start.await();
                return users.register(name, "secret123");
            };
            attempts.add(pool.submit(attempt));
        }
        start.countDown();
        int won = 0;
        int taken = 0;
        for (Future<AuthDTO> f : attempts) {
            try {
                f.get();
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(codeOf(e.getCause())).isEqualTo(ErrorCode.USERNAME_TAKEN);
                taken++;
            }
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(taken).isEqualTo(threads - 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user WHERE username = ?", Long.class, name)).isEqualTo(1);
    }

    @Test
    void secondReadIsServedFromTheCache() {
        String name = uniqueName();
        long id = users.register(name, "secret123").userId();

        UserDTO first = users.getUser(id);
        assertThat(first.name()).isEqualTo(name);
        assertThat(first.workCount()).isZero();
        assertThat(redisson.getBucket("user:info:" + id).isExists()).isTrue();
        assertThat(redisson.getMap("user:counters:" + id).remainTimeToLive()).isPositive();

        // Change the row behind the cache's back: a cached read does not see it.
        jdbc.update("UPDATE user SET signature = 'changed in MySQL', work_count = 7 WHERE id = ?", id);
        UserDTO second = users.getUser(id);
        assertThat(second.signature()).isEmpty();
        assertThat(second.workCount()).isZero();

        // Once evicted, the next read rebuilds from MySQL.
        redisson.getKeys().delete("user:info:" + id, "user:counters:" + id);
        UserDTO rebuilt = users.getUser(id);
        assertThat(rebuilt.signature()).isEqualTo("changed in MySQL");
        assertThat(rebuilt.workCount()).isEqualTo(7);
    }

    @Test
    void aPublishedVideoIsCountedOnceEvenWhenItsEventArrivesTwiceAndTheCachedCountersKeepTheLikesInFlight() {
        long id = users.register(uniqueName(), "secret123").userId();
        users.getUser(id); // cached with work_count 0
        // A like of one of the author's videos: the favorite provider has moved the cached count,
        // and its event has not reached MySQL yet.
        redisson.getMap("user:counters:" + id, StringCodec.INSTANCE).addAndGet("total_favorited", 1);
        VideoPublishedEvent event = new VideoPublishedEvent(id + 1, id, System.currentTimeMillis());

        assertThat(counters.countPublishedVideo(event)).isTrue();
        assertThat(counters.countPublishedVideo(event)).isFalse(); // redelivered
        assertThat(jdbc.queryForObject("SELECT work_count FROM user WHERE id = ?", Long.class, id)).isEqualTo(1);
        UserDTO read = users.getUser(id);
        assertThat(read.workCount()).isEqualTo(1);
        assertThat(read.totalFavorited()).as("the like in flight, not rebuilt away from MySQL").isEqualTo(1);
    }

    @Test
    void aBatchOfLikesMovesEachLikersAndAuthorsCountersOnceEvenWithARedeliveredEventInIt() {
        long ann = users.register(uniqueName(), "secret123").userId();
        long bob = users.register(uniqueName(), "secret123").userId();
        long author = users.register(uniqueName(), "secret123").userId();
        FavoriteChangedEvent annLikes = new FavoriteChangedEvent(ann, 1, author, +1, 10);
        counters.applyFavoriteChanges(List.of(annLikes));

        counters.applyFavoriteChanges(List.of(
                annLikes, // redelivered
                new FavoriteChangedEvent(bob, 1, author, +1, 11),
                new FavoriteChangedEvent(bob, 2, author, +1, 12),
                new FavoriteChangedEvent(ann, 3, bob, +1, 13), // bob is also an author
                new FavoriteChangedEvent(bob, 2, author, -1, 14)));

        assertThat(counts(ann)).containsExactly(2L, 0L);
        assertThat(counts(bob)).containsExactly(1L, 1L);
        assertThat(counts(author)).containsExactly(0L, 2L);
    }

    /** favorite_count and total_favorited of a user's row. */
    private List<Long> counts(long id) {
        return jdbc.queryForObject("SELECT favorite_count, total_favorited FROM user WHERE id = ?",
                (row, n) -> List.of(row.getLong(1), row.getLong(2)), id);
    }

    @Test
    void aPublishCountedInTheGlobalTransactionCountsOnceAndFailsForAnAuthorWithoutARow() {
        long id = users.register(uniqueName(), "secret123").userId();
        VideoPublishedEvent event = new VideoPublishedEvent(id + 1, id, System.currentTimeMillis());

        counters.countPublishedVideoInPublish(event);
        counters.countPublishedVideo(event); // the same event also through the broker
        assertThat(jdbc.queryForObject("SELECT work_count FROM user WHERE id = ?", Long.class, id)).isEqualTo(1);

        VideoPublishedEvent orphan = new VideoPublishedEvent(id + 2, 987_654_321L, System.currentTimeMillis());
        assertThatThrownBy(() -> counters.countPublishedVideoInPublish(orphan))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USER_NOT_FOUND));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consumed_event WHERE event_key = ?", Long.class, orphan.eventKey()))
                .isZero(); // rolled back with the failure
    }

    @Test
    void aRefreshTokenRotatesOnUseAndItsSecondUseRevokesTheWholeSession() {
        AuthDTO login = users.register(uniqueName(), "secret123");
        assertThat(login.refreshToken()).isNotBlank();
        String session = tokens.verify(login.token()).sessionId();

        AuthDTO refreshed = users.refresh(login.refreshToken());
        assertThat(refreshed.userId()).isEqualTo(login.userId());
        assertThat(tokens.verify(refreshed.token())).isEqualTo(new AccessClaims(login.userId(), session));
        assertThat(refreshed.refreshToken()).isNotEqualTo(login.refreshToken()).startsWith(session + ".");
        assertThat(redisson.getBucket(SessionKeys.revoked(session)).isExists()).isFalse();

        // The first token again: it was copied. The session ends, the newest token with it.
        assertThatThrownBy(() -> users.refresh(login.refreshToken()))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REFRESH_TOKEN_INVALID));
        assertThat(redisson.getBucket(SessionKeys.revoked(session)).isExists()).isTrue();
        assertThatThrownBy(() -> users.refresh(refreshed.refreshToken()))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REFRESH_TOKEN_INVALID));
        for (String bad : new String[] {"", "no-dot", session + ".forged", "x.y"}) {
            assertThatThrownBy(() -> users.refresh(bad)).isInstanceOf(DouyinException.class);
        }
    }

    @Test
    void aPasswordChangeNeedsTheOldPasswordAndSignsOutTheOtherSessionsOnly() {
        String name = uniqueName();
        AuthDTO phone = users.register(name, "secret123");
        AuthDTO laptop = users.login(name, "secret123");
        String phoneSession = tokens.verify(phone.token()).sessionId();
        String laptopSession = tokens.verify(laptop.token()).sessionId();

        assertThatThrownBy(() -> users.changePassword(phone.userId(), phoneSession, "wrong-one", "newsecret1"))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PASSWORD_WRONG));
        assertThat(redisson.getBucket(SessionKeys.revoked(laptopSession)).isExists()).isFalse();

        users.changePassword(phone.userId(), phoneSession, "secret123", "newsecret1");
        assertThat(redisson.getBucket(SessionKeys.revoked(laptopSession)).isExists()).isTrue();
        assertThat(redisson.getBucket(SessionKeys.revoked(phoneSession)).isExists()).isFalse();
        assertThatThrownBy(() -> users.refresh(laptop.refreshToken())).isInstanceOf(DouyinException.class);
        assertThat(users.refresh(phone.refreshToken()).userId()).isEqualTo(phone.userId());
        assertThatThrownBy(() -> users.login(name, "secret123"))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LOGIN_FAILED));
        assertThat(users.login(name, "newsecret1").userId()).isEqualTo(phone.userId());
    }

    @Test
    void aLoginWithTheOldPasswordWhoseSessionOpensAfterThePasswordChangeIsRefused() throws Exception {
        String name = uniqueName();
        AuthDTO phone = users.register(name, "secret123");
        String phoneSession = tokens.verify(phone.token()).sessionId();
        // The attacker's login checks the old password; before it opens its session, the owner changes it.
        AtomicBoolean interleave = new AtomicBoolean(true);
        doAnswer(check -> {
            boolean matches = (boolean) check.callRealMethod();
            if (interleave.compareAndSet(true, false)) {
                users.changePassword(phone.userId(), phoneSession, "secret123", "newsecret1");
            }
            return matches;
        }).when(passwords).matches(any(), any());

        assertThatThrownBy(() -> users.login(name, "secret123"))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.LOGIN_FAILED));
        assertThat(interleave).isFalse();
        List<String> listed = new ArrayList<>(redisson.<String>getSet(SessionKeys.userSessions(phone.userId()), StringCodec.INSTANCE).readAll());
        assertThat(listed).containsExactly(phoneSession);
        assertThat(users.login(name, "newsecret1").userId()).isEqualTo(phone.userId());
    }

    @Test
    void aLogoutEndsThatSessionOnly() {
        String name = uniqueName();
        AuthDTO phone = users.register(name, "secret123");
        AuthDTO laptop = users.login(name, "secret123");
        String phoneSession = tokens.verify(phone.token()).sessionId();
        String laptopSession = tokens.verify(laptop.token()).sessionId();

        users.logout(laptop.userId(), laptopSession);
        assertThat(redisson.getBucket(SessionKeys.revoked(laptopSession)).isExists()).isTrue();
        assertThat(redisson.getBucket(SessionKeys.revoked(phoneSession)).isExists()).isFalse();
        assertThatThrownBy(() -> users.refresh(laptop.refreshToken()))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REFRESH_TOKEN_INVALID));
        assertThat(users.refresh(phone.refreshToken()).userId()).isEqualTo(phone.userId());
    }

    @Test
    void aProfileEditChangesTheRowAndTheNextReadButKeepsTheCachedCounters() {
        long id = users.register(uniqueName(), "secret123").userId();
        users.getUser(id); // cached
        // A like of this user's video still on its way to MySQL: only the cached count has it.
        redisson.getMap("user:counters:" + id, StringCodec.INSTANCE).addAndGet("total_favorited", 1);
        String newName = uniqueName();

        UserDTO edited = users.updateProfile(id, new ProfileChange(" " + newName + " ", "hello 你好", "avatars/" + id + "/a.png", null));
        assertThat(edited.name()).isEqualTo(newName);
        assertThat(edited.totalFavorited()).as("the cached count, not MySQL's").isEqualTo(1);
        assertThat(users.getUsers(List.of(id)).get(0).totalFavorited()).isEqualTo(1);
        assertThat(edited.signature()).isEqualTo("hello 你好");
        assertThat(edited.avatar()).isEqualTo("avatars/" + id + "/a.png");
        assertThat(edited.backgroundImage()).isEmpty();
        assertThat(users.getUser(id).name()).isEqualTo(newName);
        assertThat(jdbc.queryForObject("SELECT username FROM user WHERE id = ?", String.class, id)).isEqualTo(newName);
        assertThat(redisson.getMap("user:counters:" + id).isExists()).as("counters kept").isTrue();

        String taken = uniqueName();
        users.register(taken, "secret123");
        assertThatThrownBy(() -> users.updateProfile(id, new ProfileChange(taken, null, null, null)))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.USERNAME_TAKEN));
        assertThatThrownBy(() -> users.updateProfile(id, new ProfileChange(null, "x".repeat(201), null, null)))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SIGNATURE_INVALID));
        assertThatThrownBy(() -> users.updateProfile(id, new ProfileChange(null, null, null, null)))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOTHING_TO_UPDATE));
        assertThat(users.getUser(id).name()).isEqualTo(newName); // the refused edits changed nothing
    }

    @Test
    void searchFindsNamesByTheirStartInAnyScriptAndCaseInNameOrderPaged() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long zhang = users.register("张" + tag + "明", "secret123").userId();
        long zhangLonger = users.register("张" + tag + "明明", "secret123").userId();
        long latin = users.register("Search" + tag, "secret123").userId();
        users.register("x张" + tag, "secret123"); // contains the keyword, does not start with it

        assertThat(users.searchByName("张" + tag, 0, 30)).containsExactly(zhang, zhangLonger);
        assertThat(users.searchByName("张" + tag, 1, 30)).containsExactly(zhangLonger);
        assertThat(users.searchByName("张" + tag, 0, 1)).containsExactly(zhang);
        assertThat(users.searchByName("sEaRcH" + tag, 0, 30)).containsExactly(latin);
        assertThat(users.searchByName("  张" + tag + "明明 ", 0, 30)).containsExactly(zhangLonger);
    }

    @Test
    void searchTakesWildcardsLiterallyAndRefusesAnEmptyKeyword() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long underscored = users.register("a_" + tag, "secret123").userId();
        users.register("ab" + tag, "secret123"); // would match "a_..." if _ were a wildcard

        assertThat(users.searchByName("a_" + tag, 0, 30)).containsExactly(underscored);
        assertThat(users.searchByName("%", 0, 30)).isEmpty();
        assertThatThrownBy(() -> users.searchByName("   ", 0, 30))
                .isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.KEYWORD_INVALID));
    }

    @Test
    void batchReadKeepsTheAskedOrderAndSkipsUnknownIds() {
        long a = users.register(uniqueName(), "secret123").userId();
        long b = users.register(uniqueName(), "secret123").userId();
        users.getUser(b); // one cached, one not

        List<UserDTO> page = users.getUsers(List.of(b, 987_654_321L, a, b));
        assertThat(page).extracting(UserDTO::id).containsExactly(b, a);
    }
}
