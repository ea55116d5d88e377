package com.douyin.e2e;

import static com.douyin.e2e.ApiClient.contractJson;
import static com.douyin.e2e.ApiClient.form;
import static com.douyin.e2e.ApiClient.get;
import static com.douyin.e2e.ApiClient.http;
import static com.douyin.e2e.ApiClient.newAccount;
import static com.douyin.e2e.ApiClient.ok;
import static com.douyin.e2e.ApiClient.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.testing.SampleVideo;
import com.douyin.e2e.ApiClient.Account;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Direct upload through the real gateway and local store: a credential, the client's own PUT of
 * the file, then a publish with the object_key; and the ways it is refused.
 */
@ExtendWith(DouyinSystem.class)
class DirectUploadEndToEndIT {

    private static JsonNode credential(Account who) throws Exception {
        JsonNode credential = ok(get("/douyin/upload/token/?token=" + who.token()));
        assertThat(credential.get("status_code").asInt()).isZero();
        return credential;
    }

    /** The PUT a client makes with a credential: its URL, method and headers as given. */
    private static HttpResponse<String> upload(String url, JsonNode credential, byte[] file) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(credential.get("method").asText(), HttpRequest.BodyPublishers.ofByteArray(file));
        credential.get("headers").fields().forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> upload(JsonNode credential, byte[] file) throws Exception {
        return upload(credential.get("upload_url").asText(), credential, file);
    }

    private static JsonNode publish(Account who, String title, String objectKey) throws Exception {
        return ok(post("/douyin/publish/action/", form("token", who.token(), "title", title, "object_key", objectKey)));
    }

    private static JsonNode publishList(Account who) throws Exception {
        return ok(get("/douyin/publish/list/?user_id=" + who.id())).get("video_list");
    }

    @Test
    void aVideoUploadedWithACredentialIsPublishedByItsKeyAndPlays() throws Exception {
        Account author = newAccount();
        JsonNode credential = credential(author);
        String key = credential.get("object_key").asText();
        assertThat(key).startsWith("videos/" + author.id() + "/").endsWith(".mp4");
        assertThat(credential.get("upload_url").asText()).startsWith(DouyinSystem.API + "/douyin/upload/" + key + "?");
        assertThat(credential.get("method").asText()).isEqualTo("PUT");
        assertThat(credential.get("headers").get("Content-Type").asText()).isEqualTo("video/mp4");
        assertThat(credential.get("max_bytes").asLong()).isEqualTo(30L * 1024 * 1024);
        long now = System.currentTimeMillis();
        assertThat(credential.get("expires_at").asLong()).isBetween(now + 60_000, now + 3_600_000);

        byte[] mp4 = SampleVideo.mp4();
        HttpResponse<String> put = upload(credential, mp4);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(contractJson(put).get("status_code").asInt()).isZero();

        String title = "Direct " + author.id();
        JsonNode published = publish(author, title, key);
        assertThat(published.get("status_code").asInt()).as(published.toString()).isZero();
        try (SystemStores stores = new SystemStores()) { // published: no longer a pending upload the sweep would delete
            assertThat(stores.queryLong("SELECT COUNT(*) FROM pending_upload WHERE object_key = ?", key)).isZero();
        }

        JsonNode list = publishList(author);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("title").asText()).isEqualTo(title);
        String playUrl = list.get(0).get("play_url").asText();
        // The original upload, or already its watermarked copy (made from the publish event, at once for so small a file).
        boolean watermarked = playUrl.endsWith("/media/watermarked/" + author.id() + "/" + list.get(0).get("id").asLong() + ".mp4");
        assertThat(watermarked || playUrl.endsWith("/media/" + key)).as(playUrl).isTrue();
        HttpResponse<byte[]> played = http.send(HttpRequest.newBuilder(URI.create(playUrl)).header("Range", "bytes=0-99").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(played.statusCode()).isEqualTo(206);
        assertThat(played.headers().firstValue("Content-Type").orElse("")).isEqualTo("video/mp4");
        if (!watermarked) {
            assertThat(played.body()).containsExactly(Arrays.copyOf(mp4, 100));
        }

        // Publishing the same key again is the same video, not a second one.
        assertThat(publish(author, title, key).get("status_code").asInt()).isZero();
        assertThat(publishList(author)).hasSize(1);
    }

    @Test
    void aUrlWithAnEditedExpiryIsRefusedWith403AndStoresNothing() throws Exception {
        Account author = newAccount();
        JsonNode credential = credential(author);
        String url = credential.get("upload_url").asText();
        long expires = credential.get("expires_at").asLong();
        String extended = url.replace("expires=" + expires, "expires=" + (expires + 86_400_000L));
        assertThat(extended).isNotEqualTo(url);

        HttpResponse<String> put = upload(extended, credential, SampleVideo.mp4());
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(contractJson(put).get("status_code").asInt()).isEqualTo(30101);
        HttpResponse<String> unsigned = upload(url.substring(0, url.indexOf('?')), credential, SampleVideo.mp4());
        assertThat(unsigned.statusCode()).isEqualTo(403);

        JsonNode refused = publish(author, "never stored", credential.get("object_key").asText());
        assertThat(refused.get("status_code").asInt()).isEqualTo(30104);
        assertThat(publishList(author)).isEmpty();
    }

    @Test
    void anObjectKeyOfAnotherUserIsRefusedAndStaysItsOwners() throws Exception {
        Account owner = newAccount();
        Account other = newAccount();
        JsonNode credential = credential(owner);
        assertThat(upload(credential, SampleVideo.mp4()).statusCode()).isEqualTo(200);
        String key = credential.get("object_key").asText();

        JsonNode refused = publish(other, "not mine", key);
        assertThat(refused.get("status_code").asInt()).isEqualTo(30105);
        assertThat(refused.get("status_msg").asText()).contains("another user");
        assertThat(publishList(other)).isEmpty();

        assertThat(publish(owner, "mine", key).get("status_code").asInt()).isZero();
        assertThat(publishList(owner)).extracting(v -> v.get("title").asText()).containsExactly("mine");
    }

    @Test
    void aKeyNeverUploadedOrNotIssuedIsRefused() throws Exception {
        Account author = newAccount();
        JsonNode credential = credential(author);
        JsonNode missing = publish(author, "nothing here", credential.get("object_key").asText());
        assertThat(missing.get("status_code").asInt()).isEqualTo(30104);
        assertThat(missing.get("status_msg").asText()).contains("upload");

        JsonNode forged = publish(author, "escape", "videos/" + author.id() + "/../../etc/passwd");
        assertThat(forged.get("status_code").asInt()).isEqualTo(10001);
        assertThat(forged.get("status_msg").asText()).contains("object_key");
        assertThat(publishList(author)).isEmpty();
    }

    @Test
    void anUploadThatIsNoVideoIsRefusedAtPublishAndRemoved() throws Exception {
        Account author = newAccount();
        JsonNode credential = credential(author);
        assertThat(upload(credential, "just some text".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        String key = credential.get("object_key").asText();

        JsonNode refused = publish(author, "text", key);
        assertThat(refused.get("status_code").asInt()).isEqualTo(30002);
        assertThat(publish(author, "text", key).get("status_code").asInt()).as("removed").isEqualTo(30104);
        assertThat(publishList(author)).isEmpty();
    }

    @Test
    void aUrlStoresOnceAndNeverOverTheLimit() throws Exception {
        Account author = newAccount();
        JsonNode credential = credential(author);
        assertThat(upload(credential, SampleVideo.mp4()).statusCode()).isEqualTo(200);
        HttpResponse<String> again = upload(credential, "replacement".getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(contractJson(again).get("status_code").asInt()).isEqualTo(30103);

        JsonNode big = credential(author);
        HttpResponse<String> tooBig = upload(big, Arrays.copyOf(SampleVideo.mp4(), 31 * 1024 * 1024));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(contractJson(tooBig).get("status_code").asInt()).isEqualTo(10413);
        assertThat(publish(author, "big", big.get("object_key").asText()).get("status_code").asInt()).isEqualTo(30104);
    }

    @Test
    void aCredentialNeedsALoginAndAKnownFormat() throws Exception {
        JsonNode anonymous = ok(get("/douyin/upload/token/"));
        assertThat(anonymous.get("status_code").asInt()).isEqualTo(10101);
        assertThat(anonymous.get("object_key").asText()).isEmpty();
        assertThat(anonymous.get("upload_url").asText()).isEmpty();

        Account author = newAccount();
        JsonNode webm = ok(get("/douyin/upload/token?format=webm&token=" + author.token()));
        assertThat(webm.get("object_key").asText()).endsWith(".webm");
        assertThat(webm.get("headers")).isEqualTo(ApiClient.json.valueToTree(Map.of("Content-Type", "video/webm")));
        JsonNode avi = ok(get("/douyin/upload/token/?format=avi&token=" + author.token()));
        assertThat(avi.get("status_code").asInt()).isEqualTo(10001);
        assertThat(avi.get("status_msg").asText()).contains("mp4, mov or webm");
    }

    @Test
    void anUploadNeverPublishedIsDeletedOnceItsTimeIsLongPast() throws Exception {
        Account author = newAccount();
        JsonNode credential = credential(author);
        assertThat(upload(credential, SampleVideo.mp4()).statusCode()).isEqualTo(200);
        String key = credential.get("object_key").asText();
        URI media = URI.create(DouyinSystem.API + "/media/" + key);
        assertThat(http.send(HttpRequest.newBuilder(media).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        try (SystemStores stores = new SystemStores()) {
            assertThat(stores.queryLong("SELECT owner_id FROM pending_upload WHERE object_key = ?", key)).isEqualTo(author.id());
            // As if the credential had expired a day ago (douyin.upload.unpublished-kept: 24h).
            stores.update("UPDATE pending_upload SET expires_at = ? WHERE object_key = ?",
                    System.currentTimeMillis() - 25L * 3600 * 1000, key);
            long swept = 0;
            for (long deadline = System.currentTimeMillis() + 75_000; swept != 2 && System.currentTimeMillis() < deadline; ) {
                Thread.sleep(1000); // the sweep looks every 30 s
                swept = stores.queryLong("SELECT swept FROM pending_upload WHERE object_key = ?", key);
            }
            assertThat(swept).as("deleted, remembered as a tombstone").isEqualTo(2);
        }
        assertThat(http.send(HttpRequest.newBuilder(media).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        assertThat(publish(author, "too late", key).get("status_code").asInt()).isEqualTo(30104);
        assertThat(publishList(author)).isEmpty();
    }
}
