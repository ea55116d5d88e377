package com.douyin.video.service;

import com.douyin.common.text.SearchTerms;
import com.douyin.common.text.SensitiveText;
import com.douyin.video.cache.VideoCache;
import com.douyin.video.dao.VideoMapper;
import com.douyin.video.dao.VideoRow;
import com.douyin.video.recommend.RecommendationModel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The assistant's description of a published video (the message provider asks its model): the
 * keywords go into the video's row and into {@code title_terms}, so search finds the video by them;
 * for a video published without a topic, the first keyword naming a configured topic becomes its
 * topic in the recommended feed's model (the row's topic, the author's choice, stays); an abusive
 * title is masked whole. The cached video is dropped, so the next read shows it; gateways show it
 * when their entry is read again (within a third of feed-video-ttl).
 */
@Service
public class VideoDescriptions {

    static final int MAX_KEYWORDS = 5;
    private static final int MAX_KEYWORD_LENGTH = 20;
    /** video.keywords is VARCHAR(200): five keywords of 20 and their commas fit. */
    private static final String SEPARATOR = ",";

    private final VideoMapper videos;
    private final VideoCache cache;
    private final VideoTopics topics;
    private final RecommendationModel model;

    public VideoDescriptions(VideoMapper videos, VideoCache cache, VideoTopics topics, RecommendationModel model) {
        this.videos = videos;
        this.cache = cache;
        this.topics = topics;
        this.model = model;
    }

    /** False: no such video. */
    public boolean describe(long videoId, List<String> keywords, boolean abusiveTitle) {
        List<VideoRow> found = videos.findByIds(List.of(videoId));
        if (found.isEmpty()) {
            return false;
        }
        VideoRow video = found.get(0);
        List<String> kept = normalize(keywords);
        String title = abusiveTitle ? masked(video.title()) : video.title();
        String terms = SearchTerms.index(String.join(" ", title, String.join(" ", kept)).strip());
        videos.updateDescription(videoId, String.join(SEPARATOR, kept), terms, title);
        cache.evictInfo(videoId);
        if (video.topic().isEmpty()) {
            kept.stream().map(topics::named).filter(topic -> !topic.isEmpty()).findFirst()
                    .ifPresent(topic -> model.topicFound(videoId, topic));
        }
        return true;
    }

    /** At most five, each trimmed, without commas, at most 20 characters, its sensitive words masked; blank and repeated ones left out. */
    static List<String> normalize(List<String> keywords) {
        Set<String> kept = new LinkedHashSet<>();
        for (String keyword : Objects.requireNonNullElse(keywords, List.<String>of())) {
            String word = keyword == null ? "" : keyword.replace(SEPARATOR, " ").strip().replaceAll("\\s+", " ");
            if (word.codePointCount(0, word.length()) > MAX_KEYWORD_LENGTH) {
                word = word.substring(0, word.offsetByCodePoints(0, MAX_KEYWORD_LENGTH)).strip();
            }
            if (!word.isEmpty() && kept.size() < MAX_KEYWORDS) {
                kept.add(SensitiveText.mask(word));
            }
        }
        return List.copyOf(kept);
    }

    /** Each character a '*', as the sensitive-word mask writes a word. */
    static String masked(String title) {
        return "*".repeat(title.codePointCount(0, title.length()));
    }
}
