package com.douyin.user.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.nio.charset.StandardCharsets;

/** The contract's rules for usernames (1-32 characters) and passwords (6-32 characters). */
final class CredentialRules {

    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    private static final int BCRYPT_MAX_BYTES = 72;

    private CredentialRules() {
    }

    /** The username as stored: surrounding white space removed. */
    static String username(String raw) {
        String name = raw == null ? "" : raw.strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > 32 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new DouyinException(ErrorCode.USERNAME_INVALID);
        }
        return name;
    }

    static String password(String raw) {
        String password = raw == null ? "" : raw;
        int length = password.codePointCount(0, password.length());
        if (length < 6 || length > 32) {
            throw new DouyinException(ErrorCode.PASSWORD_INVALID);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            throw new DouyinException(ErrorCode.PASSWORD_INVALID,
                    "The password is too long: use at most 72 bytes (fewer non-Latin characters).");
        }
        return password;
    }
}
