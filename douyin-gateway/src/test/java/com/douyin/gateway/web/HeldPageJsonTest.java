package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.api.video.VideoDTO;
import com.douyin.gateway.config.MediaProperties;
import com.douyin.gateway.json.FeedResponse;
import com.douyin.gateway.json.JsonParts;
import com.douyin.gateway.json.MediaUrls;
import com.douyin.gateway.json.UserJson;
import com.douyin.gateway.json.UserJsonMapper;
import com.douyin.gateway.json.VideoJsonMapper;
import com.douyin.gateway.json.ViewerMarks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class HeldPageJsonTest {

    /** As the gateway's: snake_case (application.yaml) and Blackbird (JsonSerializationConfig). */
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).modules(new BlackbirdModule()).build();
    private final MediaUrls urls = new MediaUrls(new MediaProperties("http://gw", "http://objects"));
    private final ViewerMarks marks = new ViewerMarks(Duration.ofSeconds(10));
    private final VideoJsonMapper videoJson = new VideoJsonMapper(new UserJsonMapper(urls, marks), urls, marks);
    private final HeldPageJson pages = new HeldPageJson(mapper, videoJson);
    private final AtomicLong totalFavorited = new AtomicLong();
    private final FeedEntrySource source = new FeedEntrySource() {
        @Override
        public List<VideoDTO> videos(List<Long> ids) {
            return List.of();
        }

        @Override
        public Map<Long, UserJson> authors(Collection<Long> ids) {
            return HeldPageJsonTest.this.authors(ids);
        }
    };
    private final FeedEntries entries = new FeedEntries(source, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofMillis(200));

    private static VideoDTO video(long id, long authorId) {
        return new VideoDTO(id, authorId, "title \"" + id + "\" 视频", "cats", "videos/" + id + ".mp4", "covers/" + id + ".jpg",
                id * 3, id * 5, System.currentTimeMillis());
    }

    private Map<Long, UserJson> authors(Collection<Long> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> new UserJson(id, "u" + id, 1, 2, false,
                "http://a/" + id, "http://b/" + id, "sig", totalFavorited.get(), 4, 5)));
    }

    private FeedEntries.Held hold(List<VideoDTO> videos) {
        entries.remember(videos);
        entries.authors(videos.stream().map(VideoDTO::authorId).toList());
        return entries.held(videos.stream().map(VideoDTO::id).toList());
    }

    /** The parts as they go out, one after the other; their length as announced. */
    private static String text(JsonParts json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.parts().forEach(out::writeBytes);
        assertThat(out.size()).as("Content-Length").isEqualTo(json.length());
        return out.toString(StandardCharsets.UTF_8);
    }

    private String expected(long nextTime, FeedEntries.Held held) throws Exception {
        return mapper.writeValueAsString(new FeedResponse(0, "success", nextTime, "1-" + nextTime,
                videoJson.toJson(held.videos(), ids -> held.authorsById())));
    }

    @Test
    void aHeldPageIsWrittenByteForByteAsTheWholeResponseWouldBe() throws Exception {
        FeedEntries.Held held = hold(List.of(video(3, 7), video(2, 8), video(1, 7)));
        String page = text(pages.write(1234, "1-1234", held));
        assertThat(page).isEqualTo(expected(1234, held)).contains("\"video_list\":[{\"id\":3,");
        assertThat(mapper.readTree(page).get("video_list")).hasSize(3);
    }

    @Test
    void aViewersPageMarksWhatTheyLikeAndFollowAndKeepsTheRestAsNobodySeesIt() throws Exception {
        FeedEntries.Held held = hold(List.of(video(3, 7), video(2, 8), video(1, 7)));
        String nobodys = text(pages.write(1234, "1-1234", held));
        VideoJsonMapper.Marks marks = new VideoJsonMapper.Marks(Set.of(2L), Set.of(7L));

        String viewers = text(pages.write(1234, "1-1234", held, marks));

        assertThat(viewers).isEqualTo(mapper.writeValueAsString(new FeedResponse(0, "success", 1234, "1-1234",
                videoJson.toJson(held.videos(), ids -> held.authorsById()).stream().map(marks::onto).toList())));
        JsonNode list = mapper.readTree(viewers).get("video_list");
        assertThat(list.findValuesAsText("is_favorite")).containsExactly("false", "true", "false");
        assertThat(list.findValues("is_follow")).extracting(JsonNode::asBoolean).containsExactly(true, false, true);
        assertThat(text(pages.write(1234, "1-1234", held))).as("nobody's page, written after").isEqualTo(nobodys);
    }

    @Test
    void aPageWithoutSomeVideosKeepsTheOthersInOrder() throws Exception {
        FeedEntries.Held held = hold(List.of(video(3, 7), video(2, 8), video(1, 7))).without(Set.of(2L));
        assertThat(held.videos()).extracting(VideoDTO::id).containsExactly(3L, 1L);
        assertThat(held.authors()).extracting(UserJson::id).containsExactly(7L, 7L);
        assertThat(text(pages.write(5, "1-5", held))).isEqualTo(expected(5, held));
    }

    @Test
    void anEmptyPageIsAnEmptyList() throws Exception {
        FeedEntries.Held held = hold(List.of());
        assertThat(text(pages.write(9, "1-9", held))).isEqualTo(expected(9, held));
    }

    @Test
    void aVideosKeptJsonFollowsItsAuthorsNewCounts() throws Exception {
        FeedEntries.Held held = hold(List.of(video(1, 7)));
        pages.write(1, "1-1", held);
        totalFavorited.set(42);
        entries.dropUsers(7); // the video stays held, with the JSON it kept
        entries.authors(List.of(7L));
        FeedEntries.Held again = entries.held(List.of(1L));
        assertThat(again.entries()).containsExactlyElementsOf(held.entries());
        String page = text(pages.write(1, "1-1", again));
        assertThat(mapper.readTree(page).at("/video_list/0/author/total_favorited").asLong()).isEqualTo(42);
        assertThat(page).isEqualTo(expected(1, again));
    }
}
