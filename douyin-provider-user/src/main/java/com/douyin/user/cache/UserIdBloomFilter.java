package com.douyin.user.cache;

import com.douyin.common.cache.IdBloomFilter;
import com.douyin.common.redis.RedisOutage;
import com.douyin.user.config.UserProperties;
import com.douyin.user.dao.UserMapper;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/** Every user ID, so lookups of made-up IDs stop at Redis ({@code user:ids:bloom}). */
@Component
public class UserIdBloomFilter extends IdBloomFilter {

    public UserIdBloomFilter(RedissonClient redisson, RedisOutage outage, UserMapper users, UserProperties properties) {
        super(redisson, outage, "user", users::findIdsAfter, properties.bloomExpectedUsers(), properties.bloomFalsePositiveRate());
    }
}
