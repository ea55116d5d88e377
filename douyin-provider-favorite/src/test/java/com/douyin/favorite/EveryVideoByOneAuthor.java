package com.douyin.favorite;

import com.douyin.common.video.VideoAuthors;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The video provider as a like asks it, for ITs where none runs: every video exists and {@code author} made it. */
public final class EveryVideoByOneAuthor extends VideoAuthors {

    private final long author;

    public EveryVideoByOneAuthor(long author) {
        super(null);
        this.author = author;
    }

    @Override
    public long authorOf(long videoId) {
        return author;
    }

    @Override
    public Map<Long, Long> authorsOf(Collection<Long> videoIds) {
        return videoIds.stream().distinct().collect(Collectors.toMap(Function.identity(), id -> author));
    }
}
