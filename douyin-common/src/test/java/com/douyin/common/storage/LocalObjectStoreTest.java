package com.douyin.common.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStoreTest {

    @TempDir Path dataDir;

    @Test
    void storesReadsAndDeletes() throws IOException {
        LocalObjectStore store = new LocalObjectStore(dataDir.resolve("objects"));
        store.put("videos/1/a.mp4", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "video/mp4");
        assertThat(store.exists("videos/1/a.mp4")).isTrue();
        try (InputStream in = store.get("videos/1/a.mp4")) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        store.delete("videos/1/a.mp4");
        assertThat(store.exists("videos/1/a.mp4")).isFalse();
    }

    @Test
    void sizeIsTheStoredLengthOrEmptyWhenNothingIsStored() throws IOException {
        LocalObjectStore store = new LocalObjectStore(dataDir.resolve("objects"));
        store.put("videos/1/a.mp4", new ByteArrayInputStream(new byte[1234]), 1234, "video/mp4");
        assertThat(store.size("videos/1/a.mp4")).hasValue(1234);
        assertThat(store.size("videos/1/missing.mp4")).isEmpty();
        assertThat(store.size("videos/1")).as("a folder is no object").isEmpty();
    }

    @Test
    void putIfAbsentStoresOnceAndNeverReplaces() throws IOException {
        LocalObjectStore store = new LocalObjectStore(dataDir.resolve("objects"));
        assertThat(store.putIfAbsent("videos/1/b.mp4", new ByteArrayInputStream(new byte[] {1, 2}), 2, "video/mp4")).isTrue();
        assertThat(store.putIfAbsent("videos/1/b.mp4", new ByteArrayInputStream(new byte[] {9, 9, 9}), 3, "video/mp4")).isFalse();
        try (InputStream in = store.get("videos/1/b.mp4")) {
            assertThat(in.readAllBytes()).containsExactly(1, 2);
        }
        try (var leftovers = Files.list(dataDir.resolve("objects.uploading"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    @Test
    void theDiskSignsNoUploadUrls() {
        LocalObjectStore store = new LocalObjectStore(dataDir.resolve("objects"));
        assertThat(store.signUpload("videos/1/a.mp4", "video/mp4", Instant.now().plusSeconds(60))).isEmpty();
    }

    @Test
    void aFailedUploadLeavesNoFileBehind() throws IOException {
        LocalObjectStore store = new LocalObjectStore(dataDir.resolve("objects"));
        InputStream failing = new InputStream() {
            int sent;
            @Override public int read() throws IOException {
                if (sent++ > 1000) throw new IOException("client went away");
                return 7;
            }
        };
        assertThatThrownBy(() -> store.put("videos/1/b.mp4", failing, 5000, "video/mp4")).isInstanceOf(IOException.class);
        assertThat(store.exists("videos/1/b.mp4")).isFalse();
        try (var files = Files.walk(dataDir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void anUploadInFlightIsNotUnderTheServedFolder() throws IOException {
        Path served = dataDir.resolve("objects");
        Files.createDirectories(served);
        LocalObjectStore store = new LocalObjectStore(served);
        List<Path> seenMidway = new ArrayList<>();
        InputStream slow = new InputStream() {
            int sent;
            @Override public int read() throws IOException {
                if (sent == 500) {
                    try (var files = Files.walk(served)) {
                        files.filter(Files::isRegularFile).forEach(seenMidway::add);
                    }
                }
                return sent++ < 1000 ? 7 : -1;
            }
        };
        store.put("videos/1/c.mp4", slow, 1000, "video/mp4");
        assertThat(seenMidway).isEmpty();
        assertThat(Files.size(served.resolve("videos/1/c.mp4"))).isEqualTo(1000);
    }

    @Test
    void keysCannotEscapeTheRoot() {
        LocalObjectStore store = new LocalObjectStore(dataDir.resolve("objects"));
        assertThatThrownBy(() -> store.exists("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
