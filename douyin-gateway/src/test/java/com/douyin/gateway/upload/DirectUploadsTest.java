package com.douyin.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.common.storage.LocalObjectStore;
import com.douyin.gateway.config.MediaProperties;
import com.douyin.gateway.config.UploadProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.util.unit.DataSize;

/** Direct uploads against a real local store on a temporary disk. */
class DirectUploadsTest {

    private static final int MAX_BYTES = 64 * 1024;
    private static final long ALICE = 41;
    private static final long BOB = 42;

    @TempDir Path dataDir;
    private LocalObjectStore store;
    private DirectUploads uploads;

    @BeforeEach
    void setUp() {
        store = new LocalObjectStore(dataDir.resolve("objects"));
        MultipartProperties multipart = new MultipartProperties();
        multipart.setMaxFileSize(DataSize.ofBytes(MAX_BYTES));
        uploads = new DirectUploads(store, new UploadProperties(UUID.randomUUID() + "-" + UUID.randomUUID(), Duration.ofMinutes(15)),
                multipart, new MediaProperties("https://api.example.com/", null));
    }

    /** An MP4's first box, then filler. */
    private static byte[] mp4(int length) {
        byte[] bytes = Arrays.copyOf(new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, length);
        Arrays.fill(bytes, 12, length, (byte) 7);
        return bytes;
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> params = new HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return params;
    }

    private void put(UploadCredential credential, byte[] body, long declaredLength) throws IOException {
        Map<String, String> query = query(credential.upload().url());
        uploads.receive(credential.objectKey(), query.get("expires"), query.get("signature"), declaredLength,
                new ByteArrayInputStream(body));
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void theLocalStoreUploadsThroughTheGatewaysSignedUrl() {
        UploadCredential credential = uploads.issue(ALICE, VideoContainer.MP4);
        assertThat(credential.objectKey()).startsWith("videos/41/").endsWith(".mp4");
        assertThat(credential.upload().url().toString())
                .startsWith("https://api.example.com/douyin/upload/" + credential.objectKey() + "?expires=");
        assertThat(credential.upload().headers()).containsExactly(Map.entry("Content-Type", "video/mp4"));
        assertThat(credential.maxBytes()).isEqualTo(MAX_BYTES);
        assertThat(credential.expiresAt().toEpochMilli()).isEqualTo(Long.parseLong(query(credential.upload().url()).get("expires")));
    }

    @Test
    void anUploadedVideoCanBePublishedByItsOwnerOnly() throws IOException {
        UploadCredential credential = uploads.issue(ALICE, VideoContainer.MP4);
        put(credential, mp4(5000), 5000);

        assertRefused(() -> uploads.claim(BOB, credential.objectKey()), ErrorCode.UPLOAD_OF_ANOTHER_USER);
        assertThat(uploads.claim(ALICE, " " + credential.objectKey() + " ")).isEqualTo(credential.objectKey());
        assertThat(store.size(credential.objectKey())).hasValue(5000);
    }

    /** A presigned OSS URL does not bind the size: the bucket may hold more than the limit. */
    @Test
    void anObjectOverTheLimitThatReachedTheBucketDirectlyIsRefusedAtPublishAndRemoved() throws IOException {
        UploadCredential credential = uploads.issue(ALICE, VideoContainer.MP4);
        byte[] tooLarge = mp4(MAX_BYTES + 1);
        store.put(credential.objectKey(), new ByteArrayInputStream(tooLarge), tooLarge.length, "video/mp4");

        assertRefused(() -> uploads.claim(ALICE, credential.objectKey()), ErrorCode.UPLOAD_TOO_LARGE);
        assertThat(store.exists(credential.objectKey())).isFalse();
    }

    @Test
    void aUrlStoresOnceSoAPublishedFileCannotBeSwapped() throws IOException {
        UploadCredential credential = uploads.issue(ALICE, VideoContainer.MP4);
        put(credential, mp4(5000), 5000);
        assertRefused(() -> put(credential, "not a video".getBytes(StandardCharsets.UTF_8), 11), ErrorCode.UPLOAD_URL_USED);
        assertThat(store.size(credential.objectKey())).hasValue(5000);
    }

    @Test
    void aKeyNeverUploadedIsNotFound() {
        UploadCredential credential = uploads.issue(ALICE, VideoContainer.MP4);
        assertRefused(() -> uploads.claim(ALICE, credential.objectKey()), ErrorCode.UPLOAD_NOT_FOUND);
    }

    @Test
    void aTamperedUrlStoresNothing() {
        UploadCredential credential = uploads.issue(ALICE, VideoContainer.MP4);
        Map<String, String> query = query(credential.upload().url());
        long later = Long.parseLong(query.get("expires")) + 3_600_000;
        assertRefused(() -> uploads.receive(credential.objectKey(), Long.toString(later), query.get("signature"), 100,
                new ByteArrayInputStream(mp4(100))), ErrorCode.UPLOAD_URL_INVALID);
        String bobsKey = credential.objectKey().replace("videos/41/", "videos/42/");
        assertRefused(() -> uploads.receive(bobsKey, query.get("expires"), query.get("signature"), 100,
                new ByteArrayInputStream(mp4(100))), ErrorCode.UPLOAD_URL_INVALID);
        assertThat(store.exists(credential.objectKey())).isFalse();
        assertThat(store.exists(bobsKey)).isFalse();
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndNothingIsKeptWithOrWithoutALength() throws IOException {
        UploadCredential declared = uploads.issue(ALICE, VideoContainer.MP4);
        assertRefused(() -> put(declared, mp4(MAX_BYTES + 1), MAX_BYTES + 1), ErrorCode.UPLOAD_TOO_LARGE);
        UploadCredential chunked = uploads.issue(ALICE, VideoContainer.MP4);
        assertRefused(() -> put(chunked, mp4(MAX_BYTES + 1), -1), ErrorCode.UPLOAD_TOO_LARGE);
        UploadCredential understated = uploads.issue(ALICE, VideoContainer.MP4);
        assertRefused(() -> put(understated, mp4(MAX_BYTES + 1), 100), ErrorCode.UPLOAD_TOO_LARGE);

        assertThat(store.exists(declared.objectKey()) || store.exists(chunked.objectKey()) || store.exists(understated.objectKey())).isFalse();
        try (var files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        UploadCredential exactly = uploads.issue(ALICE, VideoContainer.MP4);
        put(exactly, mp4(MAX_BYTES), -1);
        assertThat(uploads.claim(ALICE, exactly.objectKey())).isEqualTo(exactly.objectKey());
    }

    @Test
    void aNonVideoOrAnotherContainerThanAskedIsRefusedAtPublishAndRemoved() throws IOException {
        UploadCredential text = uploads.issue(ALICE, VideoContainer.MP4);
        put(text, "hello, this is plain text".getBytes(StandardCharsets.UTF_8), 25);
        assertRefused(() -> uploads.claim(ALICE, text.objectKey()), ErrorCode.NOT_A_VIDEO);
        assertThat(store.exists(text.objectKey())).isFalse();

        UploadCredential webmAsMp4 = uploads.issue(ALICE, VideoContainer.MP4);
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0, 0, 0, 0, 0};
        put(webmAsMp4, webm, webm.length);
        assertThatThrownBy(() -> uploads.claim(ALICE, webmAsMp4.objectKey())).hasMessageContaining("format=webm");
        assertThat(store.exists(webmAsMp4.objectKey())).isFalse();
    }
}
