package com.douyin.user.cache;

import com.douyin.api.user.UserDTO;
import com.douyin.common.cache.CacheTtl;
import com.douyin.user.config.UserProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * User profiles in Redis: the fixed fields as one JSON value ({@code user:profile:{id}}) and the
 * counters as a hash ({@code user:counters:{id}}), both with the same jittered TTL. A page of
 * users is read and written in one round trip (a Redisson batch). Redis errors count as misses:
 * the caller falls back to MySQL.
 */
@Component
public class UserCache {

    private static final Logger log = LoggerFactory.getLogger(UserCache.class);
    static final List<String> COUNTERS = List.of("follow_count", "follower_count", "total_favorited",
            "work_count", "favorite_count");

    private final RedissonClient redisson;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration ttl;

    public UserCache(RedissonClient redisson, UserProperties properties) {
        this.redisson = redisson;
        this.ttl = properties.cacheTtl();
    }

    /** Fixed fields, as cached. */
    record Profile(long id, String name, String avatar, String backgroundImage, String signature) {
    }

    /** The cached users among {@code ids}; missing or unreadable ones are absent. */
    public Map<Long, UserDTO> getAll(Collection<Long> ids) {
        Map<Long, UserDTO> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try {
            RBatch batch = redisson.createBatch();
            for (long id : ids) {
                batch.getBucket(profileKey(id), StringCodec.INSTANCE).getAsync();
                batch.getMap(countersKey(id), StringCodec.INSTANCE).readAllMapAsync();
            }
            BatchResult<?> result = batch.execute();
            List<?> responses = result.getResponses();
            int i = 0;
            for (long id : ids) {
                String profile = (String) responses.get(i++);
                @SuppressWarnings("unchecked")
                Map<String, String> counters = (Map<String, String>) responses.get(i++);
                if (profile != null && counters != null && counters.keySet().containsAll(COUNTERS)) {
                    found.put(id, toDTO(json.readValue(profile, Profile.class), counters));
                }
            }
        } catch (RuntimeException | JsonProcessingException e) {
            log.warn("User cache read failed, reading MySQL instead: {}", e.toString());
            return Map.of();
        }
        return found;
    }

    public void putAll(Collection<UserDTO> users) {
        if (users.isEmpty()) {
            return;
        }
        try {
            RBatch batch = redisson.createBatch();
            for (UserDTO u : users) {
                Duration userTtl = CacheTtl.withJitter(ttl);
                Profile profile = new Profile(u.id(), u.name(), u.avatar(), u.backgroundImage(), u.signature());
                batch.getBucket(profileKey(u.id()), StringCodec.INSTANCE)
                        .setAsync(json.writeValueAsString(profile), userTtl);
                var counters = batch.<String, String>getMap(countersKey(u.id()), StringCodec.INSTANCE);
                counters.putAllAsync(Map.of(
                        "follow_count", Long.toString(u.followCount()),
                        "follower_count", Long.toString(u.followerCount()),
                        "total_favorited", Long.toString(u.totalFavorited()),
                        "work_count", Long.toString(u.workCount()),
                        "favorite_count", Long.toString(u.favoriteCount())));
                counters.expireAsync(userTtl);
            }
            batch.execute();
        } catch (RuntimeException | JsonProcessingException e) {
            log.warn("User cache write failed (next read goes to MySQL): {}", e.toString());
        }
    }

    public void evict(long id) {
        try {
            redisson.getKeys().delete(profileKey(id), countersKey(id));
        } catch (RuntimeException e) {
            log.warn("User cache evict of {} failed: {}", id, e.toString());
        }
    }

    private static UserDTO toDTO(Profile p, Map<String, String> c) {
        return new UserDTO(p.id(), p.name(), p.avatar(), p.backgroundImage(), p.signature(),
                Long.parseLong(c.get("follow_count")), Long.parseLong(c.get("follower_count")),
                Long.parseLong(c.get("total_favorited")), Long.parseLong(c.get("work_count")),
                Long.parseLong(c.get("favorite_count")));
    }

    static String profileKey(long id) {
        return "user:profile:" + id;
    }

    static String countersKey(long id) {
        return "user:counters:" + id;
    }
}
