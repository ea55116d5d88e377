package com.douyin.gateway.json;

import com.douyin.api.common.CursorPage;
import com.douyin.api.favorite.FavoriteService;
import com.douyin.api.video.VideoDTO;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A page of provider videos → the client's Video objects, with the authors fetched in one batch
 * call and the viewer's likes in another. is_follow becomes real with the relation provider.
 */
@Component
public class VideoJsonMapper {

    private static final Logger log = LoggerFactory.getLogger(VideoJsonMapper.class);

    @Autowired // ProviderReferences
    private FavoriteService favorites;

    private final UserJsonMapper userJson;
    private final MediaUrls urls;
    private final ViewerMarks marks;

    public VideoJsonMapper(UserJsonMapper userJson, MediaUrls urls, ViewerMarks marks) {
        this.userJson = userJson;
        this.urls = urls;
        this.marks = marks;
    }

    /** The page as {@code viewer} sees it (an empty viewer: anonymous). */
    public List<VideoJson> toJson(List<VideoDTO> videos, OptionalLong viewer) {
        return forViewer(toJson(videos), viewer);
    }

    /**
     * An anonymous page with the viewer's is_favorite and the authors' is_follow filled in. If the
     * favorite or relation provider cannot answer, the page still shows, with nothing marked.
     */
    public List<VideoJson> forViewer(List<VideoJson> page, OptionalLong viewer) {
        if (viewer.isEmpty() || page.isEmpty()) {
            return page;
        }
        Marks marks = marksOf(viewer.getAsLong(), page.stream().map(VideoJson::id).toList(),
                page.stream().map(v -> v.author().id()).collect(Collectors.toSet()));
        return page.stream().map(marks::onto).toList();
    }

    /** What a viewer's page marks: the videos they like (is_favorite) and the authors they follow (is_follow). */
    public record Marks(Set<Long> liked, Set<Long> followed) {

        /** Nobody's: nothing marked. */
        public static final Marks NONE = new Marks(Set.of(), Set.of());

        /** Whether this viewer sees the video {@code videoId} by {@code authorId} otherwise than nobody does. */
        public boolean differFromAnonymous(long videoId, long authorId) {
            return liked.contains(videoId) || followed.contains(authorId);
        }

        /** The anonymous {@code video} as this viewer sees it. */
        public VideoJson onto(VideoJson video) {
            VideoJson seen = followed.contains(video.author().id()) ? video.by(video.author().followed()) : video;
            return liked.contains(video.id()) ? seen.liked() : seen;
        }
    }

    /**
     * Which of these videos the viewer likes and which of these authors they follow; if the favorite
     * or relation provider cannot answer, none of its kind.
     */
    public Marks marksOf(long viewer, List<Long> videoIds, Collection<Long> authorIds) {
        return new Marks(likedBy(viewer, videoIds), userJson.followedBy(OptionalLong.of(viewer), authorIds));
    }

    /** The viewer's marks among these videos and their authors. */
    public Marks marksOf(long viewer, List<VideoDTO> videos) {
        return marksOf(viewer, videos.stream().map(VideoDTO::id).toList(), videos.stream().map(VideoDTO::authorId).collect(Collectors.toSet()));
    }

    /** Which of these videos the viewer likes ({@link ViewerMarks}); none if the favorite provider cannot answer. */
    private Set<Long> likedBy(long viewer, List<Long> videoIds) {
        try {
            return likedOrFail(viewer, videoIds);
        } catch (RpcException e) {
            log.warn("Likes unavailable, the page shows none: {}", e.toString());
            return Set.of();
        }
    }

    /** Which of these videos the viewer likes ({@link ViewerMarks}); an RpcException if the favorite provider cannot answer. */
    private Set<Long> likedOrFail(long viewer, List<Long> videoIds) {
        return marks.liked(viewer, videoIds, () -> allLikedIfFew(viewer), unknown -> favorites.likedAmong(viewer, unknown));
    }

    /** Every video the viewer likes, if they like at most {@link ViewerMarks#WHOLE_AT_MOST} (one page of them); else null. */
    private Set<Long> allLikedIfFew(long viewer) {
        CursorPage<Long> newest = favorites.likedVideos(viewer, null, ViewerMarks.WHOLE_AT_MOST);
        return newest.next() == null ? Set.copyOf(newest.items()) : null;
    }

    /**
     * Asks the providers ahead which of these videos the viewer likes and which authors they follow,
     * so that the pages showing them later find it known, and answers it with the version of the
     * viewer's marks it holds under ({@link ViewerMarks#version}); null if a provider could not
     * answer (the pages then ask for themselves).
     */
    public CarriedMarks askMarks(long viewer, List<VideoDTO> videos) {
        Object version = marks.version(viewer); // (before asking: a like meanwhile makes these answers stale)
        try {
            Set<Long> liked = likedOrFail(viewer, videos.stream().map(VideoDTO::id).toList());
            Set<Long> followed = userJson.followedOrFail(viewer, videos.stream().map(VideoDTO::authorId).collect(Collectors.toSet()));
            return new CarriedMarks(version, new Marks(liked, followed));
        } catch (RpcException e) {
            return null;
        }
    }

    /** Marks asked ahead for some videos, and the version of the viewer's marks they hold under. */
    public record CarriedMarks(Object version, Marks marks) {

        /** These and {@code more}, asked under the same version, together. */
        public CarriedMarks plus(CarriedMarks more) {
            Set<Long> liked = new HashSet<>(marks.liked());
            liked.addAll(more.marks().liked());
            Set<Long> followed = new HashSet<>(marks.followed());
            followed.addAll(more.marks().followed());
            return new CarriedMarks(version, new Marks(liked, followed));
        }
    }

    /** The marks carried with a page, if they still hold for its viewer; else asked for the page. */
    public Marks marksOf(long viewer, CarriedMarks carried, Supplier<List<VideoDTO>> page) {
        return carried != null && marks.stillHolds(viewer, carried.version()) ? carried.marks() : marksOf(viewer, page.get());
    }

    /** The page as an anonymous viewer sees it. */
    public List<VideoJson> toJson(List<VideoDTO> videos) {
        return toJson(videos, userJson::byId);
    }

    /** The page as an anonymous viewer sees it, its authors from {@code authorsById} (one User object per ID asked). */
    public List<VideoJson> toJson(List<VideoDTO> videos, Function<Collection<Long>, Map<Long, UserJson>> authorsById) {
        if (videos.isEmpty()) {
            return List.of();
        }
        Map<Long, UserJson> authors = authorsById.apply(videos.stream().map(VideoDTO::authorId).distinct().toList());
        return videos.stream().map(v -> anonymous(v, authors.get(v.authorId()))).toList();
    }

    /** One video as an anonymous viewer sees it, by this author object. */
    public VideoJson anonymous(VideoDTO video, UserJson author) {
        return new VideoJson(video.id(), author, urls.object(video.playKey()), urls.cover(video.coverKey()),
                video.favoriteCount(), video.commentCount(), false, video.title(), video.topic());
    }
}
