package com.douyin.user.service;

import com.douyin.user.session.LoginSessions;
import com.douyin.user.session.LoginThrottle;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.user.AuthDTO;
import com.douyin.common.auth.AccessTokens;
import com.douyin.common.id.SnowflakeIdGenerator;
import com.douyin.user.cache.UserIdBloomFilter;
import com.douyin.user.dao.UserRow;
import com.douyin.user.dao.UserMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/** Registration, login, the refresh of a session, and password changes. */
@Service
public class UserAccountService {

    private static final Logger log = LoggerFactory.getLogger(UserAccountService.class);

    private final UserMapper users;
    private final SnowflakeIdGenerator ids;
    private final BCryptPasswordEncoder passwords;
    private final AccessTokens tokens;
    private final LoginThrottle throttle;
    private final UserIdBloomFilter knownIds;
    private final LoginSessions sessions;
    /** Compared against when the username is unknown, so both failures take as long. */
    private final String decoyHash;

    public UserAccountService(UserMapper users, SnowflakeIdGenerator ids, BCryptPasswordEncoder passwords,
                              AccessTokens tokens, LoginThrottle throttle, UserIdBloomFilter knownIds, LoginSessions sessions) {
        this.sessions = sessions;
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
        return signedIn(id);
    }

    public AuthDTO login(String rawUsername, String rawPassword) {
        String username = rawUsername == null ? "" : rawUsername.strip();
        String password = rawPassword == null ? "" : rawPassword;
        if (username.isEmpty() || password.isEmpty()) {
            throw new DouyinException(ErrorCode.LOGIN_FAILED);
        }
        UserRow user = users.findByUsername(username);
        if (!throttle.tryAttempt(user == null ? null : user.id(), username)) {
            throw new DouyinException(ErrorCode.LOGIN_THROTTLED);
        }
        boolean matches = passwords.matches(password, user == null ? decoyHash : user.passwordHash());
        if (user == null || !matches) {
            throw new DouyinException(ErrorCode.LOGIN_FAILED);
        }
        throttle.succeeded(user.id());
        LoginSessions.Opened session = sessions.open(user.id());
        // A password change between the check above and the session's opening signed out the sessions
        // it found, not this one: the hash is read again now that the session is listed.
        UserRow now = users.findById(user.id());
        if (now == null || !now.passwordHash().equals(user.passwordHash())) {
            sessions.revoke(user.id(), session.sessionId());
            throw new DouyinException(ErrorCode.LOGIN_FAILED);
        }
        return signedIn(user.id(), session);
    }

    /** A new access token and the next refresh token for a live refresh token (which is used up). */
    public AuthDTO refresh(String refreshToken) {
        LoginSessions.Rotated rotated = sessions.rotate(refreshToken);
        return new AuthDTO(rotated.userId(), tokens.issue(rotated.userId(), rotated.sessionId()), rotated.refreshToken());
    }

    /**
     * Changes the password after checking the current one, and signs out every other session of
     * the user (their refresh tokens stop working, their access tokens at once); {@code sessionId}
     * is the caller's own session, which stays. The new hash is written first: a login with the old
     * password that opens its session after the sign-out finds the new hash and gives the session up
     * ({@link #login}). If Redis cannot sign the others out, the answer is an error although the
     * password has changed; the same call with the new password as the current one finishes it.
     */
    public void changePassword(long userId, String sessionId, String currentPassword, String rawNewPassword) {
        String newPassword = CredentialRules.password(rawNewPassword);
        UserRow user = users.findById(userId);
        if (user == null) {
            throw new DouyinException(ErrorCode.USER_NOT_FOUND);
        }
        if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
            throw new DouyinException(ErrorCode.PASSWORD_WRONG);
        }
        users.updatePasswordHash(userId, passwords.encode(newPassword));
        log.info("User {} changed the password", userId);
        sessions.revokeOthers(userId, sessionId);
        log.info("User {}: other sessions signed out", userId);
    }

    /** Ends one session of the user (a token from before sessions has none to end: it expires on its own). */
    public void logout(long userId, String sessionId) {
        if (sessionId != null && !sessionId.isEmpty()) {
            sessions.revoke(userId, sessionId);
            log.info("User {} logged out of a session", userId);
        }
    }

    private AuthDTO signedIn(long userId) {
        return signedIn(userId, sessions.open(userId));
    }

    private AuthDTO signedIn(long userId, LoginSessions.Opened session) {
        return new AuthDTO(userId, tokens.issue(userId, session.sessionId()), session.refreshToken());
    }
}
