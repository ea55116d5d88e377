package com.douyin.user.cache;

import com.douyin.user.config.UserProperties;
import com.douyin.user.dao.UserMapper;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RBloomFilter;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A Redis bloom filter of every user ID, asked before MySQL about an ID that is not cached, so
 * made-up IDs never reach the database.
 *
 * <p>It only ever answers "absent" when it is known to be complete: a marker key is set after
 * a full load from MySQL, and a missing marker or any Redis error means "ask MySQL". If Redis
 * loses the filter (restart, flush), it is rebuilt from MySQL; IDs whose add failed are retried.
 */
@Component
public class UserIdBloomFilter {

    private static final Logger log = LoggerFactory.getLogger(UserIdBloomFilter.class);
    static final String FILTER_KEY = "user:ids:bloom";
    static final String COMPLETE_KEY = "user:ids:bloom:complete";
    private static final int PAGE = 5_000;

    private final RedissonClient redisson;
    private final UserMapper users;
    private final UserProperties properties;
    private final Queue<Long> failedAdds = new ConcurrentLinkedQueue<>();

    public UserIdBloomFilter(RedissonClient redisson, UserMapper users, UserProperties properties) {
        this.redisson = redisson;
        this.users = users;
        this.properties = properties;
    }

    /** False only when the ID is certainly not a user. */
    public boolean mightContain(long id) {
        try {
            if (filter().contains(id)) {
                return true;
            }
            return !redisson.getBucket(COMPLETE_KEY).isExists();
        } catch (RuntimeException e) {
            return true;
        }
    }

    public void add(long id) {
        try {
            filter().add(id);
        } catch (RuntimeException e) {
            failedAdds.add(id);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadAtStartUp() {
        maintain();
    }

    /** Retries failed adds and rebuilds the filter when Redis lost it. */
    @Scheduled(fixedDelay = 5, timeUnit = TimeUnit.SECONDS)
    public void maintain() {
        try {
            if (!redisson.getBucket(COMPLETE_KEY).isExists()) {
                rebuild();
            }
            for (Long id; (id = failedAdds.peek()) != null; failedAdds.poll()) {
                filter().add(id);
            }
        } catch (RuntimeException e) {
            log.debug("Bloom filter maintenance postponed: {}", e.toString());
        }
    }

    private void rebuild() {
        RLock lock = redisson.getLock(FILTER_KEY + ":rebuild");
        if (!lock.tryLock()) {
            return; // another instance is rebuilding it
        }
        try {
            if (redisson.getBucket(COMPLETE_KEY).isExists()) {
                return;
            }
            RBloomFilter<Long> filter = filter();
            filter.delete();
            filter.tryInit(properties.bloomExpectedUsers(), properties.bloomFalsePositiveRate());
            long count = 0;
            long after = 0;
            for (List<Long> page; !(page = users.findIdsAfter(after, PAGE)).isEmpty(); after = page.get(page.size() - 1)) {
                filter.add(page);
                count += page.size();
            }
            redisson.getBucket(COMPLETE_KEY).set("1");
            log.info("Loaded {} user IDs into the bloom filter", count);
        } finally {
            lock.unlock();
        }
    }

    private RBloomFilter<Long> filter() {
        return redisson.getBloomFilter(FILTER_KEY);
    }
}
