package com.douyin.user.service;

import com.douyin.user.cache.UserIdBloomFilter;
import com.douyin.user.dao.UserMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The built-in assistant account ({@code douyin.assistant.user-id}, a fixed ID below any
 * snowflake ID): created at start-up if missing, with no password anyone can log in with. The
 * message provider answers for it.
 */
@Component
public class AssistantAccount {

    private static final Logger log = LoggerFactory.getLogger(AssistantAccount.class);
    /** Not a bcrypt hash: no password matches it. */
    private static final String NO_PASSWORD = "!no-login";

    private final UserMapper users;
    private final UserIdBloomFilter knownIds;
    private final long id;
    private final String name;

    public AssistantAccount(UserMapper users, UserIdBloomFilter knownIds,
                            @Value("${douyin.assistant.user-id:1}") long id,
                            @Value("${douyin.assistant.name:Douyin Assistant}") String name) {
        this.users = users;
        this.knownIds = knownIds;
        this.id = id;
        this.name = name;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensureExists() {
        if (users.findById(id) != null) {
            return;
        }
        try {
            users.insert(id, name, NO_PASSWORD);
            knownIds.add(id);
            log.info("Created the assistant account {} ({})", id, name);
        } catch (DuplicateKeyException e) {
            log.error("Cannot create the assistant account: the name '{}' is taken; set douyin.assistant.name", name);
        }
    }
}
