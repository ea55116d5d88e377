package com.douyin.user.cache;

import com.douyin.api.user.UserDTO;
import com.douyin.api.cache.CachedEntity;
import com.douyin.common.cache.SplitEntityCache;
import com.douyin.common.redis.RedisOutage;
import com.douyin.user.config.UserProperties;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * User profiles in Redis: the fixed fields as one value ({@code user:info:ID}), the counters as
 * a hash ({@code user:counters:ID}); pages in one round trip. See {@link SplitEntityCache}.
 */
@Component
public class UserCache {

    static final List<String> COUNTERS = List.of("follow_count", "follower_count", "total_favorited",
            "work_count", "favorite_count");

    /** The fixed fields, as cached. */
    record Profile(long id, String name, String avatar, String backgroundImage, String signature) {
    }

    private static final SplitEntityCache.Layout<UserDTO, Profile> LAYOUT = new SplitEntityCache.Layout<>() {
        @Override
        public long idOf(UserDTO u) {
            return u.id();
        }

        @Override
        public Profile fixedOf(UserDTO u) {
            return new Profile(u.id(), u.name(), u.avatar(), u.backgroundImage(), u.signature());
        }

        @Override
        public Map<String, Long> countersOf(UserDTO u) {
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("follow_count", u.followCount());
            counters.put("follower_count", u.followerCount());
            counters.put("total_favorited", u.totalFavorited());
            counters.put("work_count", u.workCount());
            counters.put("favorite_count", u.favoriteCount());
            return counters;
        }

        @Override
        public UserDTO join(Profile p, Map<String, Long> c) {
            return new UserDTO(p.id(), p.name(), p.avatar(), p.backgroundImage(), p.signature(),
                    c.get("follow_count"), c.get("follower_count"), c.get("total_favorited"),
                    c.get("work_count"), c.get("favorite_count"));
        }
    };

    private final SplitEntityCache<UserDTO, Profile> cache;

    public UserCache(RedissonClient redisson, RedisOutage outage, UserProperties properties) {
        this.cache = new SplitEntityCache<>(redisson, outage, CachedEntity.USER, Profile.class, COUNTERS, LAYOUT, properties.cacheTtl());
    }

    /** The cached users among {@code ids}; missing or unreadable ones are absent. */
    public Map<Long, UserDTO> getAll(Collection<Long> ids) {
        return cache.getAll(ids);
    }

    /** Caches users read from MySQL; answers them with the counters as cached (see {@link SplitEntityCache#putAll}). */
    public Map<Long, UserDTO> putAll(Collection<UserDTO> users) {
        return cache.putAll(users);
    }

    public void evict(long id) {
        cache.evict(id);
    }

    /** The author's cached work_count raised to {@code workCount}, its value in MySQL (this provider is its one writer). */
    public void raiseWorkCount(long authorId, long workCount) {
        cache.raiseCachedCounter(authorId, "work_count", workCount);
    }

    /** After a profile edit: the profile fields only, so the counters keep the likes still in flight. */
    public void evictProfile(long id) {
        cache.evictInfo(id);
    }
}
