package com.douyin.user.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.user.AuthDTO;
import com.douyin.common.auth.AccessTokens;
import com.douyin.common.id.SnowflakeIdGenerator;
import com.douyin.user.cache.UserIdBloomFilter;
import com.douyin.user.dao.UserDO;
import com.douyin.user.dao.UserMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/** Registration and login. */
@Service
public class UserAccountService {

    private static final Logger log = LoggerFactory.getLogger(UserAccountService.class);

    private final UserMapper users;
    private final SnowflakeIdGenerator ids;
    private final BCryptPasswordEncoder passwords;
    private final AccessTokens tokens;
    private final LoginThrottle throttle;
    private final UserIdBloomFilter knownIds;
    /** Compared against when the username is unknown, so both failures take as long. */
    private final String decoyHash;

    public UserAccountService(UserMapper users, SnowflakeIdGenerator ids, BCryptPasswordEncoder passwords,
                              AccessTokens tokens, LoginThrottle throttle, UserIdBloomFilter knownIds) {
        this.users = users;
        this.ids = ids;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.knownIds = knownIds;
        this.decoyHash = passwords.encode("decoy-password");
    }

    public AuthDTO register(String rawUsername, String rawPassword) {
        String username = CredentialRules.username(rawUsername);
        String password = CredentialRules.password(rawPassword);
        long id = ids.nextId();
        try {
            // The unique key decides between concurrent registrations of one name.
            users.insert(id, username, passwords.encode(password));
        } catch (DuplicateKeyException e) {
            throw new DouyinException(ErrorCode.USERNAME_TAKEN);
        }
        knownIds.add(id);
        log.info("Registered user {}", id); // an account's birth, with the request's trace ID
        return new AuthDTO(id, tokens.issue(id));
    }

    public AuthDTO login(String rawUsername, String rawPassword) {
        String username = rawUsername == null ? "" : rawUsername.strip();
        String password = rawPassword == null ? "" : rawPassword;
        if (username.isEmpty() || password.isEmpty()) {
            throw new DouyinException(ErrorCode.LOGIN_FAILED);
        }
        if (throttle.isBlocked(username)) {
            throw new DouyinException(ErrorCode.LOGIN_THROTTLED);
        }
        UserDO user = users.findByUsername(username);
        boolean matches = passwords.matches(password, user == null ? decoyHash : user.passwordHash());
        if (user == null || !matches) {
            throttle.recordFailure(username);
            throw new DouyinException(ErrorCode.LOGIN_FAILED);
        }
        throttle.reset(username);
        return new AuthDTO(user.id(), tokens.issue(user.id()));
    }
}
