package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.contractJson;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.http;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.postMultipart;
import static com.douyin.e2e.ApiClient.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.SampleVideo;
import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Publishing through the gateway, then the feed, the publish list and the file itself. */
@ExtendWith(DouyinSystem.class)
class VideoApiEndToEndIT {

    private static final List<String> VIDEO_FIELDS = List.of("id", "author", "play_url", "cover_url",
            "favorite_count", "comment_count", "is_favorite", "title");

    private static Path objectsOf(Account who) {
        return DouyinSystem.REPO.resolve(".run").resolve("objects").resolve("videos").resolve(Long.toString(who.id()));
    }

    @Test
    void publishedVideoShowsInTheFeedAndThePublishListAndPlaysWithRange() throws Exception {
        Account author = newAccount();
        byte[] mp4 = SampleVideo.mp4();
        String title = "Sunset " + author.id();
        JsonNode published = ok(publish(author, "  " + title + "  ", "clip.mp4", mp4));
        assertThat(published.get("status_code").asInt()).isZero();

        // The first feed page is shared for a second, so a new video may take that long to show.
        JsonNode video = null;
        for (long deadline = System.currentTimeMillis() + 5_000; video == null && System.currentTimeMillis() < deadline; ) {
            JsonNode feed = ok(get("/douyin/feed/"));
            assertThat(feed.get("status_code").asInt()).isZero();
            assertThat(feed.get("next_time").asLong()).isGreaterThan(100_000_000_000L); // milliseconds when none was sent
            for (JsonNode v : feed.get("video_list")) {
                if (v.get("title").asText().equals(title)) video = v;
            }
            if (video == null) Thread.sleep(200);
        }
        assertThat(video).as("the new video in the feed").isNotNull();
        assertThat(video.fieldNames()).toIterable().containsAll(VIDEO_FIELDS);
        assertThat(video.get("author").get("id").asLong()).isEqualTo(author.id());
        assertThat(video.get("favorite_count").asLong()).isZero();
        assertThat(video.get("is_favorite").asBoolean()).isFalse();

        // The player fetches the file directly and seeks with Range requests: the original until its
        // watermarked copy is made (which may be at once for so small a file).
        String playUrl = video.get("play_url").asText();
        HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(URI.create(playUrl))
                .header("Range", "bytes=0-99").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Type").orElse("")).isEqualTo("video/mp4");
        if (!playUrl.contains("/media/watermarked/")) {
            assertThat(part.body()).containsExactly(Arrays.copyOf(mp4, 100));
        }

        // The watermarked copy follows asynchronously: another MP4, the original kept beside it.
        for (long deadline = System.currentTimeMillis() + 30_000;
             !playUrl.contains("/media/watermarked/") && System.currentTimeMillis() < deadline; Thread.sleep(300)) {
            playUrl = ok(get("/douyin/publish/list/?user_id=" + author.id())).get("video_list").get(0).get("play_url").asText();
        }
        assertThat(playUrl).endsWith("/media/watermarked/" + author.id() + "/" + video.get("id").asLong() + ".mp4");
        HttpResponse<byte[]> copy = http.send(HttpRequest.newBuilder(URI.create(playUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.headers().firstValue("Content-Type").orElse("")).isEqualTo("video/mp4");
        assertThat(new String(copy.body(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).as("an MP4's first box").isEqualTo("ftyp");
        assertThat(copy.body()).isNotEqualTo(mp4);
        HttpResponse<byte[]> placeholder = http.send(HttpRequest.newBuilder(URI.create(video.get("cover_url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(placeholder.statusCode()).isEqualTo(200);

        // The real cover follows asynchronously: a JPEG made by FFmpeg from the video's frames.
        String coverUrl = video.get("cover_url").asText();
        for (long deadline = System.currentTimeMillis() + 30_000;
             coverUrl.endsWith("default-cover.png") && System.currentTimeMillis() < deadline; Thread.sleep(300)) {
            coverUrl = ok(get("/douyin/publish/list/?user_id=" + author.id())).get("video_list").get(0).get("cover_url").asText();
        }
        assertThat(coverUrl).contains("/media/covers/");
        HttpResponse<byte[]> cover = http.send(HttpRequest.newBuilder(URI.create(coverUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(cover.statusCode()).isEqualTo(200);
        assertThat(cover.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/jpeg");

        // work_count is the user provider's: it follows through the video-published message.
        long deadline = System.currentTimeMillis() + 20_000;
        long workCount = 0;
        while (workCount == 0 && System.currentTimeMillis() < deadline) {
            workCount = ok(get("/douyin/user/?user_id=" + author.id())).get("user").get("work_count").asLong();
            if (workCount == 0) Thread.sleep(200);
        }
        assertThat(workCount).as("author's work_count after one publish").isEqualTo(1);

        JsonNode list = ok(get("/douyin/publish/list/?user_id=" + author.id() + "&token=" + author.token()));
        assertThat(list.get("video_list")).hasSize(1);
        assertThat(list.get("video_list").get(0).get("id").asLong()).isEqualTo(video.get("id").asLong());

        // Paging back from the feed's next_time, in seconds this time: answered in seconds.
        long seconds = System.currentTimeMillis() / 1000 + 60;
        JsonNode bySeconds = ok(get("/douyin/feed?latest_time=" + seconds));
        assertThat(bySeconds.get("next_time").asLong()).isLessThan(100_000_000_000L).isPositive();
    }

    @Test
    void searchFindsAVideoByAChineseOrAnEnglishWordOfItsTitle() throws Exception {
        Account author = newAccount();
        String word = uniqueLetters();
        JsonNode published = ok(publish(author, "海边的日落 " + word, "clip.mp4", SampleVideo.mp4()));
        assertThat(published.get("status_code").asInt()).as(published.toString()).isZero();

        JsonNode byWord = ok(get("/douyin/search/video/?keyword=" + word.toUpperCase()));
        assertThat(byWord.get("status_code").asInt()).isZero();
        assertThat(byWord.get("video_list")).hasSize(1);
        JsonNode found = byWord.get("video_list").get(0);
        assertThat(found.fieldNames()).toIterable().containsAll(VIDEO_FIELDS);
        assertThat(found.get("author").get("id").asLong()).isEqualTo(author.id());

        JsonNode byChinese = ok(get("/douyin/search/video/?keyword=" + URLEncoder.encode("日落", StandardCharsets.UTF_8)));
        assertThat(byChinese.get("video_list")).extracting(v -> v.get("title").asText()).contains("海边的日落 " + word);

        JsonNode blank = ok(get("/douyin/search/video/?keyword=%20"));
        assertThat(blank.get("status_code").asInt()).isNotZero();
        assertThat(blank.get("status_msg").asText()).contains("keyword");
    }

    /** A word no other test's title holds (letters only, so it stays one word). */
    private static String uniqueLetters() {
        StringBuilder word = new StringBuilder("zq");
        for (char c : Long.toString(System.nanoTime(), 26).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 26)));
        }
        return word.toString();
    }

    @Test
    void anOversizedUploadIsRefusedWith413AndStoresNothing() throws Exception {
        Account author = newAccount();
        byte[] big = Arrays.copyOf(SampleVideo.mp4(), 31 * 1024 * 1024);
        HttpResponse<String> response = publish(author, "too big", "big.mp4", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(contractJson(response).get("status_code").asInt()).isNotZero();
        assertThat(ok(get("/douyin/publish/list/?user_id=" + author.id())).get("video_list")).isEmpty();
        assertThat(Files.exists(objectsOf(author))).isFalse();
    }

    @Test
    void aTextFileNamedMp4IsRefusedAndStoresNothing() throws Exception {
        Account author = newAccount();
        byte[] text = "this is not a video, whatever its name says".getBytes(StandardCharsets.UTF_8);
        JsonNode refused = ok(publish(author, "fake", "fake.mp4", text));
        assertThat(refused.get("status_code").asInt()).isNotZero();
        assertThat(refused.get("status_msg").asText()).contains("not a video");
        assertThat(ok(get("/douyin/publish/list/?user_id=" + author.id())).get("video_list")).isEmpty();
        assertThat(Files.exists(objectsOf(author))).isFalse();
    }

    @Test
    void publishingNeedsALoginAndATitle() throws Exception {
        byte[] mp4 = SampleVideo.mp4();
        JsonNode anonymous = ok(postMultipart("/douyin/publish/action/", Map.of("title", "x"), "data", "a.mp4", mp4));
        assertThat(anonymous.get("status_code").asInt()).isNotZero();
        Account author = newAccount();
        JsonNode untitled = ok(publish(author, "   ", "a.mp4", mp4));
        assertThat(untitled.get("status_code").asInt()).isNotZero();
        assertThat(untitled.get("status_msg").asText()).contains("title");
        assertThat(Files.exists(objectsOf(author))).isFalse();
    }

    /**
     * A publish sent again (a client retrying after a lost answer) is the same publish: by its
     * idempotency_key, or, without one, by the same user's same bytes within minutes. Another
     * user's same bytes, and the same user's other bytes, are publishes of their own.
     */
    @Test
    void aPublishSentAgainMakesOneVideo() throws Exception {
        Account author = newAccount();
        byte[] clip = SampleVideo.mp4();
        assertThat(ok(publish(author, "first try", "clip.mp4", clip)).get("status_code").asInt()).isZero();
        assertThat(ok(publish(author, "retried", "clip.mp4", clip)).get("status_code").asInt()).isZero();
        assertThat(titlesOf(author)).containsExactly("first try");

        Map<String, String> keyed = Map.of("token", author.token(), "title", "keyed", "idempotency_key", "retry-" + author.id());
        assertThat(ok(postMultipart("/douyin/publish/action/", keyed, "data", "a.mp4", SampleVideo.mp4())).get("status_code").asInt()).isZero();
        // The same key with the bytes sent again differently (a re-encoded retry): still the one publish.
        assertThat(ok(postMultipart("/douyin/publish/action/", keyed, "data", "a.mp4", SampleVideo.mp4())).get("status_code").asInt()).isZero();
        assertThat(titlesOf(author)).containsExactly("keyed", "first try");

        assertThat(ok(publish(author, "other bytes", "clip.mp4", SampleVideo.mp4())).get("status_code").asInt()).isZero();
        Account other = newAccount();
        assertThat(ok(publish(other, "same bytes, other user", "clip.mp4", clip)).get("status_code").asInt()).isZero();
        assertThat(titlesOf(author)).containsExactly("other bytes", "keyed", "first try");
        assertThat(titlesOf(other)).containsExactly("same bytes, other user");

        Map<String, String> tooLong = Map.of("token", author.token(), "title", "x", "idempotency_key", "k".repeat(129));
        JsonNode refused = ok(postMultipart("/douyin/publish/action/", tooLong, "data", "a.mp4", SampleVideo.mp4()));
        assertThat(refused.get("status_code").asInt()).isNotZero();
        assertThat(refused.get("status_msg").asText()).contains("idempotency_key");
    }

    private static List<String> titlesOf(Account author) throws Exception {
        List<String> titles = new ArrayList<>();
        for (JsonNode v : ok(get("/douyin/publish/list/?user_id=" + author.id() + "&token=" + author.token())).get("video_list")) {
            titles.add(v.get("title").asText());
        }
        return titles;
    }
}
