package com.douyin.common.cache;

import com.douyin.common.redis.RedisOutage;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RBloomFilter;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A Redis bloom filter of every ID of one entity, asked before MySQL about an ID that is not
 * cached, so made-up IDs never reach the database. A provider declares one as a bean (with
 * {@code @EnableScheduling}) and adds each new ID.
 *
 * <p>It only ever answers "absent" when it is known to be complete: a marker key is set after
 * a full load from MySQL, and a missing marker or any Redis error means "ask MySQL". If Redis
 * loses the filter (restart, flush), it is rebuilt from MySQL; IDs whose add failed are retried.
 */
public class IdBloomFilter {

    private static final Logger log = LoggerFactory.getLogger(IdBloomFilter.class);
    private static final int PAGE = 5_000;

    /** Keyset paging over all IDs in ascending order: the page of IDs greater than {@code after}. */
    @FunctionalInterface
    public interface IdSource {
        List<Long> idsAfter(long after, int limit);
    }

    private final RedissonClient redisson;
    private final RedisOutage outage;
    private final String filterKey;
    private final String completeKey;
    private final IdSource source;
    private final long expectedIds;
    private final double falsePositiveRate;
    private final Queue<Long> failedAdds = new ConcurrentLinkedQueue<>();

    /** Keys are {@code ENTITY:ids:bloom} and {@code ENTITY:ids:bloom:complete}. */
    public IdBloomFilter(RedissonClient redisson, RedisOutage outage, String entity, IdSource source, long expectedIds, double falsePositiveRate) {
        this.redisson = redisson;
        this.outage = outage;
        this.filterKey = entity + ":ids:bloom";
        this.completeKey = filterKey + ":complete";
        this.source = source;
        this.expectedIds = expectedIds;
        this.falsePositiveRate = falsePositiveRate;
    }

    /** False only when the ID certainly does not exist. */
    public boolean mightContain(long id) {
        return !whichMightExist(List.of(id)).isEmpty();
    }

    /**
     * Those of {@code ids} (distinct) that may exist, the others certainly do not. One round trip
     * when the filter holds them all (a page of IDs from our own lists) or none; only a mix, some
     * made up among real ones, is told apart one ID at a time.
     */
    public List<Long> whichMightExist(List<Long> ids) {
        if (ids.isEmpty() || outage.inEffect()) {
            return ids;
        }
        try {
            long held = filter().contains(ids);
            if (held == ids.size() || !redisson.getBucket(completeKey).isExists()) {
                return ids;
            }
            return held == 0 ? List.of() : ids.stream().filter(id -> filter().contains(id)).toList();
        } catch (RedisException e) {
            if (!(e.getCause() instanceof IllegalStateException)) { // that one: Redis lost the filter, maintain() rebuilds it
                outage.failed(e);
            }
            return ids;
        }
    }

    public void add(long id) {
        if (outage.inEffect()) {
            failedAdds.add(id);
            return;
        }
        try {
            filter().add(id);
        } catch (RedisException e) {
            outage.failed(e);
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
        if (outage.inEffect()) {
            return;
        }
        try {
            if (!redisson.getBucket(completeKey).isExists()) {
                rebuild();
            }
            for (Long id; (id = failedAdds.peek()) != null; failedAdds.poll()) {
                filter().add(id);
            }
        } catch (RuntimeException e) {
            log.debug("Bloom filter {} maintenance postponed: {}", filterKey, e.toString());
        }
    }

    private void rebuild() {
        RLock lock = redisson.getLock(filterKey + ":rebuild");
        if (!lock.tryLock()) {
            return; // another instance is rebuilding it
        }
        try {
            if (redisson.getBucket(completeKey).isExists()) {
                return;
            }
            RBloomFilter<Long> filter = filter();
            filter.delete();
            filter.tryInit(expectedIds, falsePositiveRate);
            long count = 0;
            long after = 0;
            for (List<Long> page; !(page = source.idsAfter(after, PAGE)).isEmpty(); after = page.get(page.size() - 1)) {
                filter.add(page);
                count += page.size();
            }
            redisson.getBucket(completeKey).set("1");
            log.info("Loaded {} IDs into the bloom filter {}", count, filterKey);
        } finally {
            lock.unlock();
        }
    }

    private RBloomFilter<Long> filter() {
        return redisson.getBloomFilter(filterKey);
    }
}
