package com.douyin.user.service;

import com.douyin.api.video.SearchKeyword;
import com.douyin.user.dao.UserMapper;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Users by the start of their name: one range of the unique name index, so it stays cheap at any
 * number of users. The names' collation (utf8mb4_unicode_ci) ignores case and matches any script.
 */
@Service
public class UserSearchService {

    /** The most names one page may hold, whatever the caller asks. */
    static final int MAX_PAGE = 100;

    private final UserMapper users;

    public UserSearchService(UserMapper users) {
        this.users = users;
    }

    public List<Long> searchByName(String keyword, int offset, int count) {
        String prefix = SearchKeyword.normalize(keyword);
        return users.findIdsByNameLike(likePrefix(prefix), Math.max(0, offset), Math.min(Math.max(0, count), MAX_PAGE));
    }

    /** The LIKE pattern of names starting with {@code prefix}, its own '%' and '_' taken literally (escape '!'). */
    static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
