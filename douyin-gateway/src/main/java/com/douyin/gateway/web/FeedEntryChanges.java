package com.douyin.gateway.web;

import com.douyin.gateway.json.ViewerMarks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The writes that change what {@link FeedEntries} and {@link ViewerMarks} keep, told to every
 * gateway: this one drops the entries at once, and 50 ms after a change the IDs changed meanwhile go out
 * in one message on a Redis channel that every gateway listens on, so another gateway's reader
 * sees the change within about a tenth of a second (and a storm of likes costs 20 messages a
 * second, not one per like). If Redis cannot carry a message, the other gateways show the change
 * within their entries' TTL.
 */
@Component
class FeedEntryChanges {

    static final String CHANNEL = "douyin:gateway:feed-entry-changes";
    private static final long FLUSH_AFTER_MS = 50;
    private static final Logger log = LoggerFactory.getLogger(FeedEntryChanges.class);

    private final FeedEntries entries;
    private final ViewerMarks marks;
    private final RedissonClient redisson;
    private final String instance = UUID.randomUUID().toString();
    private final Set<Long> changedVideos = ConcurrentHashMap.newKeySet();
    private final Set<Long> changedUsers = ConcurrentHashMap.newKeySet();
    private final Set<Long> changedViewers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-entry-changes");
        t.setDaemon(true);
        return t;
    });
    /** The next message, sent 50 ms after the first change since the last one (no change, no wake-up). */
    private final DelayedRun nextMessage = new DelayedRun(this::flush, scheduler, FLUSH_AFTER_MS);

    FeedEntryChanges(FeedEntries entries, ViewerMarks marks, RedissonClient redisson) {
        this.entries = entries;
        this.marks = marks;
        this.redisson = redisson;
    }

    @PostConstruct
    void start() {
        scheduler.execute(this::subscribe);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        flush();
    }

    void videoChanged(long videoId) {
        entries.dropVideo(videoId);
        changedVideos.add(videoId);
        flushSoon();
    }

    void usersChanged(long... userIds) {
        entries.dropUsers(userIds);
        Arrays.stream(userIds).forEach(changedUsers::add);
        flushSoon();
    }

    /** The viewer liked or followed someone: their is_favorite / is_follow marks are asked again. */
    void viewerChanged(long viewer) {
        marks.drop(viewer);
        changedViewers.add(viewer);
        flushSoon();
    }

    private void flushSoon() {
        try {
            nextMessage.request();
        } catch (RejectedExecutionException stopped) {
            // stop() sends what is left
        }
    }

    /** One message: "INSTANCE|video,video|user,user|viewer,viewer". */
    private void flush() {
        if (changedVideos.isEmpty() && changedUsers.isEmpty() && changedViewers.isEmpty()) {
            return;
        }
        String message = instance + "|" + join(drain(changedVideos)) + "|" + join(drain(changedUsers))
                + "|" + join(drain(changedViewers));
        try {
            redisson.getTopic(CHANNEL, StringCodec.INSTANCE).publish(message);
        } catch (RuntimeException e) {
            log.warn("Other gateways show these changes within their feed entries' TTL: {}", e.toString());
        }
    }

    private void subscribe() {
        try {
            redisson.getTopic(CHANNEL, StringCodec.INSTANCE).addListener(String.class, (channel, message) -> apply(message));
        } catch (RuntimeException e) {
            log.warn("Cannot hear other gateways' changes yet (their changes show within the feed entries' TTL), trying again: {}",
                    e.toString());
            scheduler.schedule(this::subscribe, 5, TimeUnit.SECONDS);
        }
    }

    private void apply(String message) {
        String[] parts = message.split("\\|", -1);
        if (parts.length != 4 || parts[0].equals(instance)) {
            return; // (this gateway dropped its own changes already)
        }
        split(parts[1]).forEach(entries::dropVideo);
        entries.dropUsers(split(parts[2]).stream().mapToLong(Long::longValue).toArray());
        split(parts[3]).forEach(marks::drop);
    }

    /** Takes the IDs out of the set (those added meanwhile stay for the next message). */
    private static List<Long> drain(Set<Long> ids) {
        List<Long> drained = new ArrayList<>();
        for (Iterator<Long> it = ids.iterator(); it.hasNext(); ) {
            drained.add(it.next());
            it.remove();
        }
        return drained;
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> split(String ids) {
        return ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }
}
