package com.douyin.api.video;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Videos: publishing, the feed, a user's works; owned by douyin-provider-video. */
public interface VideoService {

    /**
     * Consumers' timeout for {@link #publish} (ms): when the broker is down, a publish waits for
     * the failed send and then a Seata transaction across two providers, which the usual 3 s
     * does not always cover.
     */
    int PUBLISH_TIMEOUT_MS = 10_000;

    /**
     * Records a video whose file is already in the object store under {@code playKey}, under
     * {@code topic} (null or blank: none; otherwise one of the configured topics, or TOPIC_UNKNOWN).
     */
    VideoDTO publish(long authorId, String playKey, String title, String topic);

    /**
     * Announces a video file that {@code ownerId} uploads under {@code objectKey} until
     * {@code expiresAtMs}, before it is stored: if no video is published with it, the provider
     * deletes the file a while later (douyin.upload.unpublished-kept). Repeating it changes nothing.
     */
    void expectUpload(long ownerId, String objectKey, long expiresAtMs);

    /**
     * Up to {@code limit} videos that follow {@code cursor} in (publish time, id) order, newest
     * first: every video when {@code topic} is null or blank, else that topic's (TOPIC_UNKNOWN if
     * it is not a configured one). A cursor of (time, 0) asks for the videos published strictly
     * before that time. The page never ends inside a group of videos that share a publish time at
     * {@code unitMs} resolution unless the whole page is one such group, so asking again with the
     * oldest one's time skips nothing in the other cases; asking again with the oldest one's
     * (publish time, id) never skips anything.
     */
    List<VideoDTO> feed(String topic, PageCursor cursor, long unitMs, int limit);

    /** {@link #feed(String, PageCursor, long, int)} strictly before {@code beforeMs}. */
    List<VideoDTO> feed(String topic, long beforeMs, long unitMs, int limit);

    /**
     * The following feed: up to {@code limit} of the newest videos of the accounts {@code viewerId}
     * follows, after {@code cursor} (null: from the newest), paged as {@link #feed}. A follow or
     * unfollow shows at once; an account that follows nobody gets an empty list.
     */
    List<VideoDTO> followingFeed(long viewerId, PageCursor cursor, long unitMs, int limit);

    /**
     * The most recommended videos one call takes for a viewer: a gateway takes ahead of a viewer's pages, and a
     * viewer who keeps scrolling takes a whole ranking (600) in one call.
     */
    int RECOMMENDED_TAKE_MAX = 600;

    /**
     * The "for you" feed: up to {@code count} video IDs ranked for {@code viewerId} (at most
     * {@link #RECOMMENDED_TAKE_MAX}), none the viewer likes or was shown lately; each call takes
     * the viewer's next ones, which count as shown from then on. For nobody ({@code viewerId} 0),
     * up to 30 popular-and-fresh videos from {@code offset} of one shared ranking. IDs only: the
     * caller holds the videos (the gateway's FeedEntries). Asynchronous for the caller (Dubbo
     * returns at once and completes the future when the answer arrives): a ranking may take a few
     * milliseconds, which no request thread of the gateway waits for.
     */
    CompletableFuture<List<Long>> recommended(long viewerId, int offset, int count);

    /**
     * A page of one author's videos, newest first, as {@code viewerId} sees them (0: nobody logged
     * in): up to {@code count} (at most {@link CursorPage#MAX_COUNT}) after {@code cursor} (null:
     * from the newest). The author's own list always holds what they have published; another
     * viewer's may lag behind for a moment (a MySQL replica).
     */
    CursorPage<VideoDTO> listByAuthor(long authorId, long viewerId, PageCursor cursor, int count);

    /** The newest {@link CursorPage#MAX_COUNT} of {@link #listByAuthor(long, long, PageCursor, int)}, for callers that do not page. */
    List<VideoDTO> listByAuthor(long authorId, long viewerId);

    /** Up to {@code limit} videos whose titles hold a word of the keyword, best matches first. */
    List<VideoDTO> search(String keyword, int limit);

    /**
     * Videos of a page in one call, in the order asked; unknown IDs are left out. However many are
     * not cached, they cost one query and one bloom filter check.
     */
    List<VideoDTO> getVideos(List<Long> videoIds);

    /**
     * What the assistant's model made of a published video: its {@code keywords} (at most five;
     * search finds the video by them, and for a video published without a topic the first that
     * names one of the configured topics becomes its topic in the recommended feed's model), and
     * whether its title is abusive (then it is masked, each character a '*'). Doing it again
     * replaces the keywords. False: no such video.
     */
    boolean describe(long videoId, List<String> keywords, boolean abusiveTitle);
}
