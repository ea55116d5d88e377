package com.douyin.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.douyin.api.comment.CommentDTO;
import com.douyin.api.comment.CommentService;
import com.douyin.api.comment.CommentThreadDTO;
import com.douyin.api.common.CursorPage;
import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.PageCursor;
import com.douyin.comment.cache.VideoComments;
import com.douyin.comment.dao.CommentMapper;
import com.douyin.comment.service.CommentActionService;
import com.douyin.comment.service.CommentDirectWriter;
import com.douyin.comment.service.CommentQueryService;
import com.douyin.common.id.SnowflakeIdGenerator;
import com.douyin.common.testing.ItDatabase;
import com.douyin.common.testing.LocalNacos;
import com.douyin.common.testing.RandomSecret;
import com.douyin.common.testing.RealInfrastructure;
import com.douyin.common.video.VideoAuthors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.dubbo.common.serialize.hessian2.Hessian2ObjectInput;
import org.apache.dubbo.common.serialize.hessian2.Hessian2ObjectOutput;
import org.junit.jupiter.api.BeforeAll;
import com.douyin.writebehind.ToggleSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The comment provider against the machine's real MariaDB, Redis and RocketMQ (its own consumer
 * group writes the rows behind). The video provider does not run here: {@link Videos} answers
 * for it, and video.comment_count is checked end to end (CommentRepliesEndToEndIT); here the
 * cached count (video:counters:ID) and the deltas the changes carry.
 */
@ExtendWith(RealInfrastructure.class)
@SpringBootTest(properties = {
        "douyin.nacos.config-enabled=false",
        "douyin.sentinel.enabled=false",
        // A registry for the video provider's reference (not running: its calls fail and stay in the
        // outbox), without registering this test as a provider of the running system.
        "dubbo.registry.address=nacos://127.0.0.1:8848",
        "dubbo.registry.register=false",
        "dubbo.protocol.port=-1",
        "spring.datasource.url=" + ItDatabase.SERVER_URL + "douyin_it_comment" + ItDatabase.OPTIONS,
        "spring.datasource.username=" + ItDatabase.USER,
        "spring.datasource.password=" + ItDatabase.PASSWORD,
        "douyin.redis.address=" + ItDatabase.REDIS,
        "douyin.redis.database=1",
        "rocketmq.name-server=127.0.0.1:9876",
        "rocketmq.producer.group=douyin-comment-change-it",
        "douyin.comment.write-behind-group=douyin-comment-write-behind-it", // never takes a running system's events
        "douyin.journal.in-flight=0s", // the relay takes a journaled change at once (see aChangeLeftInRedis...)
})
@DirtiesContext // closed after the class: its subclass on a Redis Cluster starts the same consumers, which a JVM holds once
class CommentServiceIT {

    static final long VIDEO_AUTHOR = 900;
    static final long UNKNOWN_VIDEO = 404;
    private static final AtomicLong nextVideo = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

    /** The counter hashes the video provider was asked to cache (it caches them with the count MySQL holds: 5). */
    static final List<String> cachedOnRequest = new CopyOnWriteArrayList<>();

    /** Every video exists (but one) and is VIDEO_AUTHOR's: what the video provider would answer. */
    @TestConfiguration
    static class Videos {
        @Bean
        @Primary // over the provider's own, which would ask the video provider
        ToggleSet.CounterOwners testCounterOwners(RedissonClient redisson) {
            return hashKeys -> hashKeys.forEach(key -> {
                cachedOnRequest.add(key);
                redisson.getMap(key, StringCodec.INSTANCE).put("comment_count", "5");
            });
        }

        @Bean
        @Primary // over the provider's own, which would ask the video provider
        VideoAuthors testVideoAuthors() {
            return new VideoAuthors(null) {
                @Override
                public long authorOf(long videoId) {
                    if (videoId == UNKNOWN_VIDEO) {
                        throw new DouyinException(ErrorCode.VIDEO_NOT_FOUND);
                    }
                    return VIDEO_AUTHOR;
                }
            };
        }
    }

    /** The installation's Dubbo caller key (CallerKey): every service refuses to start without one. */
    @DynamicPropertySource
    static void callerKey(DynamicPropertyRegistry registry) {
        registry.add("douyin.rpc.caller-secret", RandomSecret::next);
        LocalNacos.signInDubboRegistry(registry); // Nacos lets only its accounts subscribe
    }

    @Autowired CommentService comments;
    @Autowired CommentDirectWriter direct;
    @Autowired CommentQueryService queries;
    @Autowired CommentMapper rows;
    @Autowired SnowflakeIdGenerator ids;
    @Autowired JdbcTemplate jdbc;
    @Autowired RedissonClient redisson;
    @Autowired VideoComments videoComments;
    @Autowired CommentActionService actions;

    @BeforeAll
    static void freshDatabase() throws Exception {
        ItDatabase.recreate("douyin_it_comment");
    }

    /** A video of its own per test, with its counters cached (so every change moves the cached count). */
    private long newVideo() {
        long videoId = nextVideo.incrementAndGet();
        redisson.getMap("video:counters:" + videoId, StringCodec.INSTANCE).put("comment_count", "0");
        return videoId;
    }

    private long cachedCommentCount(long videoId) {
        return Long.parseLong((String) redisson.getMap("video:counters:" + videoId, StringCodec.INSTANCE).get("comment_count"));
    }

    /**
     * Polls until the query answers {@code expected} (the rows are written behind, so a row may not
     * be there yet), and answers the last value, -1 for no row.
     */
    private long await(long expected, String sql, Object... args) throws InterruptedException {
        long value = current(sql, args);
        for (long deadline = System.currentTimeMillis() + 30_000; value != expected && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(200);
            value = current(sql, args);
        }
        return value;
    }

    private long current(String sql, Object... args) {
        List<Long> rows = jdbc.queryForList(sql, Long.class, args);
        return rows.isEmpty() || rows.get(0) == null ? -1 : rows.get(0);
    }

    private static ErrorCode codeOf(Throwable e) {
        return ((DouyinException) e).errorCode();
    }

    /**
     * A comment on a video whose counters Redis does not hold has the video provider cache them
     * first, then counts in them: a hash built from MySQL after the comment would miss it.
     */
    @Test
    void aCommentOnAVideoWhoseCountersAreNotCachedHasThemCachedFirstAndCountsInThem() {
        long video = nextVideo.incrementAndGet(); // no counters hash
        String counters = "video:counters:" + video;

        CommentDTO added = comments.add(1, video, 0, "first");

        assertThat(cachedOnRequest).containsOnlyOnce(counters);
        assertThat(cachedCommentCount(video)).isEqualTo(6);
        redisson.getKeys().delete(counters);
        comments.delete(1, video, added.id());
        assertThat(cachedOnRequest).filteredOn(counters::equals).hasSize(2);
        assertThat(cachedCommentCount(video)).as("the delete, in the hash cached for it").isEqualTo(4);
    }

    @Test
    void aReplyJoinsItsThreadAndTheListShowsTopLevelCommentsWithTheirReplyCounts() throws Exception {
        long video = newVideo();
        CommentDTO top = comments.add(1, video, 0, "top");
        CommentDTO reply = comments.add(2, video, top.id(), "  a reply  ");
        CommentDTO replyToReply = comments.add(3, video, reply.id(), "a reply to the reply");
        CommentDTO other = comments.add(4, video, 0, "another one");

        assertThat(top.parentId()).isZero();
        assertThat(reply.parentId()).isEqualTo(top.id());
        assertThat(reply.content()).isEqualTo("a reply");
        assertThat(replyToReply.parentId()).as("a reply to a reply joins the top-level thread").isEqualTo(top.id());
        assertThat(comments.list(video)).extracting(t -> t.comment().id(), CommentThreadDTO::replyCount)
                .containsExactly(tuple(other.id(), 0L), tuple(top.id(), 2L));
        assertThat(comments.replies(top.id(), 0, 30)).extracting(CommentDTO::id).containsExactly(reply.id(), replyToReply.id());
        assertThat(comments.replies(reply.id(), 0, 30)).as("replies have no replies").isEmpty();
        assertThat(cachedCommentCount(video)).as("comment_count counts replies too").isEqualTo(4);

        assertThat(await(2, "SELECT COUNT(*) FROM comment WHERE video_id = ? AND parent_id = ? AND deleted = 0", video, top.id())).isEqualTo(2);
        assertThat(await(2, "SELECT COUNT(*) FROM comment WHERE video_id = ? AND parent_id = 0", video)).isEqualTo(2);

        redisson.getKeys().delete(VideoComments.setKey(video)); // cold: rebuilt from the rows
        assertThat(comments.list(video)).extracting(t -> t.comment().id(), CommentThreadDTO::replyCount)
                .containsExactly(tuple(other.id(), 0L), tuple(top.id(), 2L));
        assertThat(comments.replies(top.id(), 0, 30)).extracting(CommentDTO::parentId).containsOnly(top.id());
    }

    @Test
    void aMaskedCommentIsStarsInItsRowAndTheListsOnceItsRowIsWritten() throws Exception {
        long video = newVideo();
        CommentDTO kept = comments.add(1, video, 0, "nice one");
        CommentDTO abusive = comments.add(2, video, 0, "go away loser");
        CommentDTO reply = comments.add(3, video, kept.id(), "what a loser");
        assertThat(comments.mask(video, 987_654_321L)).as("no row (yet): nothing to mask").isFalse();
        await(1, "SELECT COUNT(*) FROM comment WHERE id = ?", abusive.id());
        await(1, "SELECT COUNT(*) FROM comment WHERE id = ?", reply.id());

        assertThat(comments.mask(video, abusive.id())).isTrue();
        assertThat(comments.mask(video, reply.id())).isTrue();
        assertThat(comments.mask(video + 1, kept.id())).as("another video's").isFalse();

        assertThat(comments.list(video)).extracting(t -> t.comment().content()).containsExactly("*************", "nice one");
        assertThat(comments.replies(kept.id(), 0, 30)).extracting(CommentDTO::content).containsExactly("************");
        assertThat(jdbc.queryForObject("SELECT content FROM comment WHERE id = ?", String.class, abusive.id())).isEqualTo("*************");
        redisson.getKeys().delete(VideoComments.setKey(video)); // cold: rebuilt from the rows, masked too
        assertThat(comments.list(video)).extracting(t -> t.comment().content()).containsExactly("*************", "nice one");
        assertThat(cachedCommentCount(video)).as("masking changes no count").isEqualTo(3);
    }

    @Test
    void repliesArePagedOldestFirst() {
        long video = newVideo();
        CommentDTO top = comments.add(1, video, 0, "ask me anything");
        List<Long> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(comments.add(10 + i, video, top.id(), "answer " + i).id());
        }
        assertThat(comments.replies(top.id(), 0, 2)).extracting(CommentDTO::id).containsExactlyElementsOf(replies.subList(0, 2));
        assertThat(comments.replies(top.id(), 2, 2)).extracting(CommentDTO::id).containsExactlyElementsOf(replies.subList(2, 4));
        assertThat(comments.replies(top.id(), 4, 30)).extracting(CommentDTO::id).containsExactly(replies.get(4));
        assertThat(comments.replies(top.id(), 5, 30)).isEmpty();
        assertThatThrownBy(() -> comments.replies(123_456_789L, 0, 30)).satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.COMMENT_NOT_FOUND));
    }

    @Test
    void aReplyToACommentOfAnotherVideoOrToADeletedOrUnknownOneIsRefusedAndNothingIsStored() throws Exception {
        long video = newVideo();
        long otherVideo = newVideo();
        CommentDTO elsewhere = comments.add(1, otherVideo, 0, "on the other video");
        CommentDTO gone = comments.add(1, video, 0, "soon deleted");
        comments.delete(1, video, gone.id());
        long countBefore = cachedCommentCount(video);

        assertThatThrownBy(() -> comments.add(2, video, elsewhere.id(), "wrong video"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.REPLY_TARGET_INVALID))
                .hasMessageContaining("another video");
        assertThatThrownBy(() -> comments.add(2, video, gone.id(), "too late"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.REPLY_TARGET_INVALID))
                .hasMessageContaining("deleted");
        assertThatThrownBy(() -> comments.add(2, video, 987_654_321L, "to nothing"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.REPLY_TARGET_INVALID));
        assertThatThrownBy(() -> comments.add(2, UNKNOWN_VIDEO, elsewhere.id(), "no video"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.VIDEO_NOT_FOUND));

        assertThat(comments.list(video)).isEmpty();
        assertThat(comments.list(otherVideo)).extracting(CommentThreadDTO::replyCount).containsExactly(0L);
        assertThat(cachedCommentCount(video)).isEqualTo(countBefore).isZero();
        CommentDTO marker = comments.add(3, video, 0, "after the refusals"); // its row lands after theirs would have
        assertThat(await(1, "SELECT COUNT(*) FROM comment WHERE id = ?", marker.id())).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comment WHERE parent_id <> 0 AND video_id IN (?, ?)", Long.class, video, otherVideo)).isZero();
    }

    @Test
    void deletingACommentHidesItsRepliesAndMovesTheCountByAllOfThem() throws Exception {
        long video = newVideo();
        CommentDTO thread = comments.add(1, video, 0, "thread");
        CommentDTO first = comments.add(2, video, thread.id(), "first reply");
        CommentDTO second = comments.add(3, video, thread.id(), "second reply");
        CommentDTO kept = comments.add(4, video, 0, "kept");
        CommentDTO keptReply = comments.add(5, video, kept.id(), "kept reply");
        assertThat(cachedCommentCount(video)).isEqualTo(5);

        assertThat(comments.delete(VIDEO_AUTHOR, video, thread.id())).extracting(CommentDTO::id).isEqualTo(thread.id());
        assertThat(cachedCommentCount(video)).isEqualTo(2);
        assertThat(comments.list(video)).extracting(t -> t.comment().id()).containsExactly(kept.id());
        assertThatThrownBy(() -> comments.replies(thread.id(), 0, 30)).satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.COMMENT_NOT_FOUND));
        assertThat(comments.delete(2, video, first.id())).as("hidden with its thread: nothing to delete").isNull();
        assertThat(comments.delete(VIDEO_AUTHOR, video, thread.id())).as("twice").isNull();
        assertThat(cachedCommentCount(video)).isEqualTo(2);

        assertThat(comments.delete(5, video, keptReply.id())).extracting(CommentDTO::id).isEqualTo(keptReply.id());
        assertThat(cachedCommentCount(video)).isEqualTo(1);
        assertThat(comments.list(video)).extracting(CommentThreadDTO::replyCount).containsExactly(0L);

        // The rows: the thread deleted, its replies untouched yet no longer visible.
        assertThat(await(1, "SELECT deleted FROM comment WHERE id = ?", thread.id())).isOne();
        assertThat(await(1, "SELECT deleted FROM comment WHERE id = ?", keptReply.id())).isOne();
        assertThat(await(2, "SELECT COUNT(*) FROM comment WHERE parent_id = ? AND deleted = 0", thread.id())).isEqualTo(2);
        assertThat(rows.findVisible(video)).extracting(CommentDTO::id).containsExactly(kept.id());
        assertThat(rows.findVisibleById(second.id())).isNull();
        redisson.getKeys().delete(VideoComments.setKey(video));
        assertThat(comments.list(video)).extracting(t -> t.comment().id(), CommentThreadDTO::replyCount)
                .containsExactly(tuple(kept.id(), 0L));
    }

    @Test
    void withoutRedisAReplyLocksItsThreadAndADeletedThreadCarriesItsRepliesInItsDelta() {
        long video = newVideo();
        long now = System.currentTimeMillis();
        CommentDTO thread = direct.addInMysql(new CommentDTO(ids.nextId(), video, 1, 0, "thread", now));
        CommentDTO reply = direct.addInMysql(new CommentDTO(ids.nextId(), video, 2, thread.id(), "reply", now));
        CommentDTO replyToReply = direct.addInMysql(new CommentDTO(ids.nextId(), video, 3, reply.id(), "reply to reply", now));
        assertThat(reply.parentId()).isEqualTo(thread.id());
        assertThat(replyToReply.parentId()).isEqualTo(thread.id());
        assertThat(rows.findReplies(thread.id(), 0, 30)).extracting(CommentDTO::id).containsExactly(reply.id(), replyToReply.id());

        assertThat(direct.deleteInMysql(video, thread.id(), c -> { })).extracting(CommentDTO::id).isEqualTo(thread.id());
        // The video provider is not running: the change waits in the outbox, with the delta it will apply.
        String payload = jdbc.queryForObject("SELECT payload FROM comment_outbox WHERE event_key = ?", String.class,
                "comment:" + thread.id() + ":delete");
        assertThat(payload).contains("\"delta\":-3");

        assertThat(direct.addInMysql(new CommentDTO(ids.nextId(), video, 4, reply.id(), "too late", now))).isNull();
        assertThat(direct.deleteInMysql(video, reply.id(), c -> { })).isNull();
        assertThat(rows.findVisible(video)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM comment WHERE video_id = ?", Long.class, video)).isEqualTo(3);
    }

    /**
     * An instance that dies between the Redis step and the send leaves the change in Redis and in
     * its journal only: the relay hands it on, and the rows follow Redis. The add and the delete
     * of a thread are done here as that Redis step alone.
     */
    @Test
    void aChangeLeftInRedisByACallThatDiedIsRelayedFromTheJournal() throws Exception {
        long video = newVideo();
        CommentDTO thread = new CommentDTO(ids.nextId(), video, 7, 0, "left behind", System.currentTimeMillis());
        VideoComments.Change added = videoComments.add(thread);
        assertThat(added.journalEntry()).as("the add's journal entry").isNotNull();
        assertThat(videoComments.add(thread).journalEntry()).as("the same add again: counted and journaled once").isNull();
        comments.add(8, video, thread.id(), "a reply, sent");

        actions.relayJournal();
        assertThat(await(1, "SELECT COUNT(*) FROM comment WHERE id = ? AND deleted = 0", thread.id())).isOne();

        VideoComments.Change removed = videoComments.remove(video, thread.id()); // the thread and its reply
        assertThat(removed.comments()).hasSize(2);
        assertThat(cachedCommentCount(video)).isZero();
        actions.relayJournal();
        assertThat(await(1, "SELECT deleted FROM comment WHERE id = ?", thread.id())).isOne();
        long left = videoComments.journal().unacknowledged(Duration.ZERO, 100).size();
        for (int i = 0; i < 50 && left > 0; i++) { // acknowledged asynchronously
            Thread.sleep(100);
            left = videoComments.journal().unacknowledged(Duration.ZERO, 100).size();
        }
        assertThat(left).as("entries left unacknowledged").isZero();
    }

    /** Comments stored as rows, as the write-behind consumer stores them: one statement per thousand. */
    private List<CommentDTO> insertRows(long video, long parentId, int count, String text) {
        List<CommentDTO> inserted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = ids.nextId();
            inserted.add(new CommentDTO(id, video, 10_000 + i, parentId, text + " #" + i, SnowflakeIdGenerator.timestampOf(id)));
        }
        for (int from = 0; from < count; from += 1_000) {
            rows.insertAdded(inserted.subList(from, Math.min(count, from + 1_000)));
        }
        return inserted;
    }

    /** Every page from the first on, following the cursors; checks each page's size, and its bytes as Dubbo sends them. */
    private List<CommentThreadDTO> walk(Function<PageCursor, CursorPage<CommentThreadDTO>> pageAfter) throws IOException {
        List<CommentThreadDTO> seen = new ArrayList<>();
        PageCursor cursor = null;
        for (int pages = 0; pages < 1_000; pages++) {
            CursorPage<CommentThreadDTO> page = pageAfter.apply(cursor);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(CursorPage.MAX_COUNT);
            assertThat(dubboBytes(page)).as("a page as Dubbo sends it").isLessThan(1 << 20);
            seen.addAll(page.items());
            cursor = page.next();
            if (cursor == null) {
                break;
            }
        }
        return seen;
    }

    /** Writes {@code answer} as Dubbo's default serialization (Hessian 2) does, reads it back, and answers its size. */
    private static int dubboBytes(Object answer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2ObjectOutput out = new Hessian2ObjectOutput(bytes);
        out.writeObject(answer);
        out.flushBuffer();
        Object read = new Hessian2ObjectInput(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertThat(read).isEqualTo(answer);
        return bytes.size();
    }

    @Test
    void tenThousandLongCommentsAreListedAPageOfAtMostAHundredAtATimeNewestFirstWithoutGapsOrRepeats() throws Exception {
        long video = newVideo();
        // 10,000 comments of 500 characters (15 MB as UTF-8: the whole list was more than a Dubbo message holds).
        List<CommentDTO> newestFirst = new ArrayList<>(insertRows(video, 0, 10_000, "评".repeat(490)));
        Collections.reverse(newestFirst);
        long started = System.nanoTime();
        List<CommentThreadDTO> firstPage = comments.list(video); // a caller that does not page: the set is loaded from the rows
        assertThat(firstPage).extracting(t -> t.comment().id())
                .containsExactlyElementsOf(newestFirst.subList(0, CursorPage.MAX_COUNT).stream().map(CommentDTO::id).toList());
        assertThat(System.nanoTime() - started).as("the first page, loading the set").isLessThan(20_000_000_000L);

        CommentDTO newest = newestFirst.get(0);
        CommentDTO old = newestFirst.get(5_000);
        comments.add(1, video, newest.id(), "a reply");
        comments.add(2, video, newest.id(), "another reply");
        comments.add(3, video, old.id(), "a late reply to an old one");

        started = System.nanoTime();
        List<CommentThreadDTO> all = walk(cursor -> comments.list(video, cursor, CursorPage.MAX_COUNT));
        long walked = System.nanoTime() - started;
        assertThat(all).extracting(t -> t.comment().id()).as("top-level comments only, each once, newest first")
                .containsExactlyElementsOf(newestFirst.stream().map(CommentDTO::id).toList());
        assertThat(all.get(0).replyCount()).isEqualTo(2);
        assertThat(all.get(5_000).replyCount()).isEqualTo(1);
        assertThat(all.stream().mapToLong(CommentThreadDTO::replyCount).sum()).isEqualTo(3);
        assertThat(walked / 100).as("a page, on average (ns)").isLessThan(200_000_000L);

        // A comment added meanwhile is on the first page; the next page of a cursor held since goes on where it was.
        CursorPage<CommentThreadDTO> page1 = comments.list(video, null, 50);
        CommentDTO added = comments.add(4, video, 0, "newer than all of them");
        CursorPage<CommentThreadDTO> page2 = comments.list(video, page1.next(), 50);
        assertThat(page2.items()).extracting(t -> t.comment().id())
                .containsExactlyElementsOf(newestFirst.subList(50, 100).stream().map(CommentDTO::id).toList());
        assertThat(comments.list(video, null, 1).items()).extracting(t -> t.comment().id()).containsExactly(added.id());

        // Without Redis the rows answer the same pages, and a cursor from Redis goes on in MySQL.
        assertThat(await(4, "SELECT COUNT(*) FROM comment WHERE video_id = ? AND (parent_id <> 0 OR id = ?)", video, added.id()))
                .isEqualTo(4);
        assertThat(queries.listInMysql(video, page1.next(), 50)).isEqualTo(page2);
        List<CommentThreadDTO> fromRows = walk(cursor -> queries.listInMysql(video, cursor, CursorPage.MAX_COUNT));
        assertThat(fromRows).isEqualTo(walk(cursor -> comments.list(video, cursor, CursorPage.MAX_COUNT)));
        assertThat(fromRows).hasSize(10_001);
    }

    @Test
    void aPageLooksAtABoundedNumberOfRepliesAndTheNextGoesOnAfterThem() throws Exception {
        long video = newVideo();
        CommentDTO old = insertRows(video, 0, 1, "asked long ago").get(0);
        insertRows(video, old.id(), 2_500, "an answer"); // more than a page looks at, between the two comments
        CommentDTO recent = insertRows(video, 0, 1, "asked lately").get(0);

        CursorPage<CommentThreadDTO> first = comments.list(video, null, 10);
        assertThat(first.items()).extracting(t -> t.comment().id()).containsExactly(recent.id());
        assertThat(first.next()).as("it stopped among the replies, and more follows").isNotNull();
        assertThat(walk(cursor -> comments.list(video, cursor, 10))).extracting(t -> t.comment().id(), CommentThreadDTO::replyCount)
                .containsExactly(tuple(recent.id(), 0L), tuple(old.id(), 2_500L));
        assertThat(comments.replies(old.id(), 2_490, 30)).hasSize(10).extracting(CommentDTO::parentId).containsOnly(old.id());
        assertThat(walk(cursor -> queries.listInMysql(video, cursor, 10))).extracting(t -> t.comment().id(), CommentThreadDTO::replyCount)
                .containsExactly(tuple(recent.id(), 0L), tuple(old.id(), 2_500L));
    }

    @Test
    void aSetCachedBeforeRepliesWereCountedIsCountedOnItsFirstPageAndKeptCountedAfter() {
        long video = newVideo();
        CommentDTO top = comments.add(1, video, 0, "top");
        CommentDTO reply = comments.add(2, video, top.id(), "reply");
        // As an older provider left it: the comments, no counts.
        redisson.getScoredSortedSet(VideoComments.setKey(video), StringCodec.INSTANCE).removeAll(List.of("reply-counts", "replies:" + top.id()));
        comments.add(3, video, top.id(), "a reply the set does not count yet");
        assertThat(comments.list(video)).extracting(CommentThreadDTO::replyCount).containsExactly(2L);
        comments.add(4, video, top.id(), "counted");
        comments.delete(2, video, reply.id());
        assertThat(comments.list(video)).extracting(CommentThreadDTO::replyCount).containsExactly(2L);
        assertThat(comments.replies(top.id(), 0, 30)).extracting(CommentDTO::content)
                .containsExactly("a reply the set does not count yet", "counted");
    }
}
