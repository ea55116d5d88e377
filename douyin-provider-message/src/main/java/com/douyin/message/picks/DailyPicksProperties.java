package com.douyin.message.picks;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code douyin.daily-picks}: once a day from {@code time} (in {@code zone}) the assistant account
 * sends each user active in the last day a chat message with {@code videos} recommended videos,
 * at most {@code perSecond} messages a second.
 */
@ConfigurationProperties("douyin.daily-picks")
public record DailyPicksProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("09:00") LocalTime time,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("3") int videos,
        @DefaultValue("20") int perSecond,
        @DefaultValue("Today's picks for you:") String intro) {

    public DailyPicksProperties {
        if (videos < 1 || videos > 10) {
            throw new IllegalArgumentException("douyin.daily-picks.videos must be 1 to 10, not " + videos);
        }
        if (perSecond < 1) {
            throw new IllegalArgumentException("douyin.daily-picks.per-second must be at least 1, not " + perSecond);
        }
    }
}
