package com.douyin.user.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.user.ProfileChange;
import com.douyin.api.user.UserDTO;
import com.douyin.user.cache.UserCache;
import com.douyin.user.dao.UserMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Profile edits: name, signature, avatar and background image, and the cache entry they make stale. */
@Service
public class ProfileService {

    static final int SIGNATURE_MAX = 200;

    private final UserMapper users;
    private final UserCache cache;
    private final UserQueryService queries;

    public ProfileService(UserMapper users, UserCache cache, UserQueryService queries) {
        this.users = users;
        this.cache = cache;
        this.queries = queries;
    }

    public UserDTO update(long userId, ProfileChange change) {
        if (change == null || change.isEmpty()) {
            throw new DouyinException(ErrorCode.NOTHING_TO_UPDATE);
        }
        String name = change.name() == null ? null : CredentialRules.username(change.name());
        String signature = change.signature() == null ? null : signature(change.signature());
        int updated;
        try {
            updated = users.updateProfile(userId, name, signature, change.avatar(), change.backgroundImage());
        } catch (DuplicateKeyException e) {
            throw new DouyinException(ErrorCode.USERNAME_TAKEN);
        }
        if (updated == 0) {
            throw new DouyinException(ErrorCode.USER_NOT_FOUND);
        }
        cache.evictProfile(userId); // the next read, this one included, rebuilds it from the row
        return queries.getUser(userId);
    }

    /** Trimmed, at most 200 characters; "" clears it. */
    private static String signature(String raw) {
        String signature = raw.strip();
        if (signature.codePointCount(0, signature.length()) > SIGNATURE_MAX || signature.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new DouyinException(ErrorCode.SIGNATURE_INVALID);
        }
        return signature;
    }
}
