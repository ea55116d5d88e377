package com.douyin.message.service;

import com.douyin.api.message.MessageDTO;
import com.douyin.common.text.SearchTerms;
import com.douyin.message.dao.MessageMapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the provider is up, on a thread of its own: loads HanLP's dictionaries (so the first send
 * does not), then gives the messages stored before chat search existed ({@code content_terms} NULL)
 * their terms, a batch at a time, walking the table once in ID order. Instances doing it at once
 * write the same values; one that stops half way is finished by the next start, as are messages
 * that instances of an earlier version store during a rolling update.
 */
@Component
public class MessageTermsBackfill {

    private static final Logger log = LoggerFactory.getLogger(MessageTermsBackfill.class);
    static final int BATCH = 500;

    private final MessageMapper messages;
    private final boolean onStart;

    /** {@code onStart} false: only the dictionaries are loaded ({@code douyin.message.terms-backfill-on-start}; a test runs the rest). */
    public MessageTermsBackfill(MessageMapper messages, @Value("${douyin.message.terms-backfill-on-start:true}") boolean onStart) {
        this.messages = messages;
        this.onStart = onStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        Thread thread = new Thread(onStart ? this::run : SearchTerms::warmUp, "message-terms-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        SearchTerms.warmUp();
        try {
            int filled = fillAll();
            if (filled > 0) {
                log.info("Chat search: {} earlier messages indexed", filled);
            }
        } catch (RuntimeException e) {
            log.warn("Chat search: earlier messages not all indexed, the next start goes on: {}", e.toString());
        }
    }

    /** Indexes every message without terms, walking the table once in ID order; answers how many. */
    int fillAll() {
        int filled = 0;
        long after = 0;
        List<MessageDTO> batch;
        do {
            batch = messages.withoutTerms(after, BATCH);
            for (MessageDTO message : batch) {
                messages.setTerms(message.id(), MessageTerms.of(message));
                after = message.id();
            }
            filled += batch.size();
        } while (batch.size() == BATCH);
        return filled;
    }
}
