package com.douyin.user.session;

import com.douyin.common.redis.RedisOutage;
import com.douyin.user.config.UserProperties;
import java.text.Collator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Counts login attempts per account in Redis (a fixed window that starts at the first attempt), so
 * a password cannot be guessed at full speed. An attempt is counted before its password is checked,
 * in the same script that compares the count with the limit: parallel guesses cannot all pass a
 * check made before any of them was counted. A successful login clears the count.
 *
 * <p>The count is the account's, whatever spelling found it: MySQL compares names under
 * utf8mb4_unicode_ci, so "alice", "ALICE" and "ａｌｉｃｅ" log in to one account and share its ID's
 * count. A name that matches no account is counted by its primary collation key (case, accents and
 * width ignored), so unknown names are throttled like known ones and the answers do not tell them
 * apart. During a {@link RedisOutage} logins are not throttled rather than refused.
 */
@Component
public class LoginThrottle {

    /** KEYS[1] the count; ARGV[1] the window (ms), ARGV[2] the limit. 1 if the attempt may go on. */
    private static final String COUNT_AND_CHECK =
            "local n = redis.call('incr', KEYS[1]) "
                    + "if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end "
                    + "if n > tonumber(ARGV[2]) then return 0 end return 1";

    private final RedissonClient redisson;
    private final RedisOutage outage;
    private final UserProperties properties;

    public LoginThrottle(RedissonClient redisson, RedisOutage outage, UserProperties properties) {
        this.redisson = redisson;
        this.outage = outage;
        this.properties = properties;
    }

    /**
     * Counts an attempt on the account {@code userId} (null when {@code username} matches none);
     * false when the window's attempts are used up.
     */
    public boolean tryAttempt(Long userId, String username) {
        String key = key(userId, username);
        return outage.redisOrElse(() -> {
            Long allowed = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, COUNT_AND_CHECK,
                    RScript.ReturnType.INTEGER, List.of(key),
                    String.valueOf(properties.failedLoginWindow().toMillis()),
                    String.valueOf(properties.maxFailedLogins()));
            return allowed != null && allowed == 1L;
        }, () -> true);
    }

    /** After a successful login: the account's attempts start again from zero. */
    public void succeeded(long userId) {
        String key = key(userId, null);
        outage.redisOrElse(() -> {
            redisson.getBucket(key).delete();
        }, () -> { });
    }

    private static String key(Long userId, String username) {
        return userId != null
                ? "user:login-attempts:id:" + userId
                : "user:login-attempts:name:" + HexFormat.of().formatHex(primaryKey(username));
    }

    /** The name as a primary-strength collation key: equal for names equal but for case, accents and width. */
    private static byte[] primaryKey(String username) {
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.PRIMARY);
        collator.setDecomposition(Collator.FULL_DECOMPOSITION);
        return collator.getCollationKey(username).toByteArray();
    }
}
