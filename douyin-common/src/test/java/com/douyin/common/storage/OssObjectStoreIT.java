package com.douyin.common.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OSS store through the real Aliyun OSS SDK against a local S3-compatible server (Adobe
 * S3Mock, from Maven Central): no OSS bucket can be reached from here.
 */
class OssObjectStoreIT {

    private static S3MockApplication s3;
    private static OssObjectStore store;

    @BeforeAll
    static void startServer() {
        s3 = S3MockApplication.start(new HashMap<>(Map.of( // it adds its own defaults to the map
                S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_INITIAL_BUCKETS, "douyin-it",
                S3MockApplication.PROP_SILENT, true,
                // S3Mock is a Spring Boot application: this module's test class path has JDBC and
                // actuator too, whose DataSource (and its health check) it neither has nor needs.
                "spring.autoconfigure.exclude", "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration")));
        store = new OssObjectStore(new StorageProperties.Oss("http://127.0.0.1:" + s3.getHttpPort(), "douyin-it",
                "test-key-id", "test-key-secret", true));
    }

    @AfterAll
    static void stopServer() {
        if (store != null) store.close();
        if (s3 != null) s3.stop();
    }

    @Test
    void putGetExistsDeleteRoundTrip() throws IOException {
        byte[] content = "a small video, say".getBytes(StandardCharsets.UTF_8);
        store.put("videos/1/a.mp4", new ByteArrayInputStream(content), content.length, "video/mp4");

        assertThat(store.exists("videos/1/a.mp4")).isTrue();
        try (InputStream in = store.get("videos/1/a.mp4")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        store.delete("videos/1/a.mp4");
        assertThat(store.exists("videos/1/a.mp4")).isFalse();
    }

    @Test
    void sizeIsTheStoredLengthOrEmptyWhenNothingIsStored() throws IOException {
        store.put("videos/1/sized.mp4", new ByteArrayInputStream(new byte[1234]), 1234, "video/mp4");
        assertThat(store.size("videos/1/sized.mp4")).hasValue(1234);
        assertThat(store.size("videos/1/never-stored.mp4")).isEmpty();
    }

    /**
     * The presigned URL addresses the bucket and key so that a plain HTTP PUT with the given
     * headers stores the object. S3Mock checks neither OSS signatures nor OSS's forbid-overwrite
     * header: that a real bucket accepts the signature and refuses a second PUT can only be seen
     * against one.
     */
    @Test
    void aPresignedPutStoresTheObjectWithoutTheSdk() throws Exception {
        byte[] content = "uploaded by the client itself".getBytes(StandardCharsets.UTF_8);
        Instant expiresAt = Instant.now().plusSeconds(900);
        SignedUpload upload = store.signUpload("videos/2/direct.mp4", "video/mp4", expiresAt).orElseThrow();
        assertThat(upload.url().getQuery()).contains("Signature=").contains("Expires=" + expiresAt.getEpochSecond());
        assertThat(upload.headers()).containsEntry("Content-Type", "video/mp4").containsEntry("x-oss-forbid-overwrite", "true");

        HttpRequest.Builder request = HttpRequest.newBuilder(upload.url()).PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        upload.headers().forEach(request::header);
        HttpResponse<String> put = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(store.size("videos/2/direct.mp4")).hasValue(content.length);
        try (InputStream in = store.get("videos/2/direct.mp4")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void readingAMissingObjectIsAnIoError() {
        assertThat(store.exists("videos/1/missing.mp4")).isFalse();
        assertThatThrownBy(() -> store.get("videos/1/missing.mp4")).isInstanceOf(IOException.class);
    }
}
