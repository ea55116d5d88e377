package com.douyin.video.cache;

import com.douyin.common.cache.IdBloomFilter;
import com.douyin.common.redis.RedisOutage;
import com.douyin.video.dao.VideoMapper;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Every video ID, so lookups of made-up IDs (a forged like, an old link) stop at Redis ({@code video:ids:bloom}). */
@Component
public class VideoIdBloomFilter extends IdBloomFilter {

    public VideoIdBloomFilter(RedissonClient redisson, RedisOutage outage, VideoMapper videos,
                              @Value("${douyin.video.bloom-expected-videos:10000000}") long expected,
                              @Value("${douyin.video.bloom-false-positive-rate:0.001}") double falsePositiveRate) {
        super(redisson, outage, "video", videos::findIdsAfter, expected, falsePositiveRate);
    }
}
