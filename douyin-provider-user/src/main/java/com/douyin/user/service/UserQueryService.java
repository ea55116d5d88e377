package com.douyin.user.service;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.user.UserDTO;
import com.douyin.common.redis.RedisOutage;
import com.douyin.user.cache.UserCache;
import com.douyin.user.cache.UserIdBloomFilter;
import com.douyin.user.dao.UserRow;
import com.douyin.user.dao.UserMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.springframework.stereotype.Service;

/** Profile reads: Redis first, then MySQL behind the bloom filter, one rebuild per cold key. */
@Service
public class UserQueryService {

    private static final long LOCK_WAIT_MS = 500;
    private static final long LOCK_LEASE_MS = 5_000;

    private final UserMapper users;
    private final UserCache cache;
    private final UserIdBloomFilter knownIds;
    private final RedissonClient redisson;
    private final RedisOutage outage;

    public UserQueryService(UserMapper users, UserCache cache, UserIdBloomFilter knownIds, RedissonClient redisson,
                            RedisOutage outage) {
        this.users = users;
        this.cache = cache;
        this.knownIds = knownIds;
        this.redisson = redisson;
        this.outage = outage;
    }

    public UserDTO getUser(long id) {
        UserDTO cached = cache.getAll(List.of(id)).get(id);
        if (cached != null) {
            return cached;
        }
        if (id <= 0 || !knownIds.mightContain(id)) {
            throw new DouyinException(ErrorCode.USER_NOT_FOUND);
        }
        UserDTO user = rebuildOnce(id);
        if (user == null) {
            throw new DouyinException(ErrorCode.USER_NOT_FOUND);
        }
        return user;
    }

    public List<UserDTO> getUsers(List<Long> ids) {
        Set<Long> wanted = new LinkedHashSet<>(ids);
        Map<Long, UserDTO> found = new HashMap<>(cache.getAll(wanted));
        List<Long> missing = wanted.stream()
                .filter(id -> !found.containsKey(id) && id > 0 && knownIds.mightContain(id))
                .toList();
        if (!missing.isEmpty()) {
            List<UserDTO> loaded = users.findByIds(missing).stream().map(UserRow::toDTO).toList();
            found.putAll(cache.putAll(loaded)); // with the cached counts, which may be ahead of MySQL
        }
        List<UserDTO> result = new ArrayList<>(wanted.size());
        for (long id : wanted) {
            UserDTO user = found.get(id);
            if (user != null) {
                result.add(user);
            }
        }
        return result;
    }

    /** Loads a cold key from MySQL under a lock, so a burst of reads of it costs one query. */
    private UserDTO rebuildOnce(long id) {
        RLock lock = redisson.getLock("lock:user:rebuild:" + id);
        boolean locked = false;
        try {
            locked = !outage.inEffect() && lock.tryLock(LOCK_WAIT_MS, LOCK_LEASE_MS, TimeUnit.MILLISECONDS);
            if (locked) {
                UserDTO cached = cache.getAll(List.of(id)).get(id);
                if (cached != null) {
                    return cached; // the request that held the lock before us rebuilt it
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RedisException e) {
            outage.failed(e); // no lock without Redis: read MySQL directly
        }
        try {
            UserRow row = users.findById(id);
            if (row == null) {
                return null;
            }
            UserDTO user = row.toDTO();
            return cache.putAll(List.of(user)).get(id);
        } finally {
            if (locked) {
                try {
                    lock.unlock();
                } catch (RuntimeException ignored) {
                    // the lease expires by itself
                }
            }
        }
    }
}
