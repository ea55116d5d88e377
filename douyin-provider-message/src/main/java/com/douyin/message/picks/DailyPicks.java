package com.douyin.message.picks;

import com.douyin.api.cache.ActivityKeys;
import com.douyin.api.message.MessageDTO;
import com.douyin.api.video.VideoDTO;
import com.douyin.message.assistant.AssistantReplies;
import com.douyin.message.dao.DailyPickMapper;
import com.douyin.message.push.ChatPush;
import com.douyin.message.service.ChatStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One day's picks: a chat message from the assistant account to each user active in the last day
 * (in the gateways' activity sets of today and yesterday, UTC: {@link ActivityKeys}) with the
 * videos {@link PickedVideos} gives them, paced to {@code per-second}. Each message is stored in
 * one transaction with the user's {@code daily_pick} row of the day, so a user who has one is
 * skipped: a run that resumes after a crash, or one that overlaps another, sends nobody a second
 * message. A user the videos cannot be found for is counted failed and tried again by the next run.
 */
@Component
public class DailyPicks {

    private static final Logger log = LoggerFactory.getLogger(DailyPicks.class);

    /** What a run did. */
    public record Outcome(int sent, int failed) {
    }

    private final DailyPickMapper picks;
    private final ChatStore chats;
    private final ChatPush push;
    private final AssistantReplies assistant;
    private final PickedVideos videos;
    private final TransactionTemplate transaction;
    private final DailyPicksProperties properties;

    public DailyPicks(DailyPickMapper picks, ChatStore chats, ChatPush push, AssistantReplies assistant, PickedVideos videos,
                      TransactionTemplate transaction, DailyPicksProperties properties) {
        this.picks = picks;
        this.chats = chats;
        this.push = push;
        this.assistant = assistant;
        this.videos = videos;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** Sends the picks of {@code day} to the users active in the last day before {@code now} (read from {@code redisson}). */
    public Outcome send(LocalDate day, Instant now, RedissonClient redisson) throws InterruptedException {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long intervalNanos = 1_000_000_000L / properties.perSecond();
        long nextAt = System.nanoTime();
        int sent = 0;
        int failed = 0;
        for (LocalDate active : List.of(today, today.minusDays(1))) {
            // (SSCAN in batches: a set of millions is not read at once.)
            for (String member : redisson.<String>getSet(ActivityKeys.activeUsers(active), StringCodec.INSTANCE)) {
                long userId = Long.parseLong(member);
                if (assistant.isAssistant(userId) || picks.sent(userId, day)) {
                    continue;
                }
                long wait = nextAt - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                nextAt = Math.max(nextAt, System.nanoTime() - intervalNanos) + intervalNanos;
                try {
                    if (sendTo(userId, day)) {
                        sent++;
                    }
                } catch (RuntimeException e) { // the video provider out, say: this user is tried again by the next run
                    failed++;
                    log.warn("Daily picks of {} not sent to user {}: {}", day, userId, e.toString());
                }
            }
        }
        return new Outcome(sent, failed);
    }

    /** Whether this call sent the user's picks (not: nothing to recommend, or sent meanwhile by another run). */
    private boolean sendTo(long userId, LocalDate day) {
        List<VideoDTO> picked = videos.pick(userId, properties.videos());
        if (picked.isEmpty()) {
            return false;
        }
        String text = text(picked);
        MessageDTO message = transaction.execute(status -> {
            MessageDTO stored = chats.store(assistant.assistantId(), userId, text);
            if (picks.record(userId, day, stored.id()) == 0) {
                status.setRollbackOnly(); // another run sent them first
                return null;
            }
            return stored;
        });
        if (message == null) {
            return false;
        }
        push.announce(message);
        return true;
    }

    /** The intro, then a line per video: its place, title and ID; at most a message's 1,000 characters. */
    private String text(List<VideoDTO> picked) {
        StringBuilder text = new StringBuilder(properties.intro());
        for (int k = 0; k < picked.size(); k++) {
            text.append('\n').append(k + 1).append(". ").append(picked.get(k).title()).append(" (video ").append(picked.get(k).id()).append(')');
        }
        return text.length() <= 1000 ? text.toString() : text.substring(0, 999) + "…";
    }
}
