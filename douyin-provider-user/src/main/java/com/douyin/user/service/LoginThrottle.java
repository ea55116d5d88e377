package com.douyin.user.service;

import com.douyin.common.redis.RedisOutage;
import com.douyin.user.config.UserProperties;
import java.util.List;
import java.util.Locale;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per username in Redis (a fixed window that starts at the first failure),
 * so a password cannot be guessed at full speed. During a {@link RedisOutage} logins are not
 * throttled rather than refused.
 */
@Component
public class LoginThrottle {

    private static final String INCREMENT_IN_WINDOW =
            "local n = redis.call('incr', KEYS[1]) "
                    + "if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end return n";

    private final RedissonClient redisson;
    private final RedisOutage outage;
    private final UserProperties properties;

    public LoginThrottle(RedissonClient redisson, RedisOutage outage, UserProperties properties) {
        this.redisson = redisson;
        this.outage = outage;
        this.properties = properties;
    }

    public boolean isBlocked(String username) {
        return outage.redisOrElse(() -> {
            String failures = (String) redisson.getBucket(key(username), StringCodec.INSTANCE).get();
            return failures != null && Long.parseLong(failures) >= properties.maxFailedLogins();
        }, () -> false);
    }

    public void recordFailure(String username) {
        outage.redisOrElse(() -> {
            redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, INCREMENT_IN_WINDOW,
                    RScript.ReturnType.INTEGER, List.of(key(username)),
                    String.valueOf(properties.failedLoginWindow().toMillis()));
        }, () -> { });
    }

    public void reset(String username) {
        outage.redisOrElse(() -> {
            redisson.getBucket(key(username)).delete();
        }, () -> { });
    }

    private static String key(String username) {
        return "user:login-failures:" + username.toLowerCase(Locale.ROOT);
    }
}
