package com.douyin.common.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStoreTest {

    @TempDir Path root;

    @Test
    void storesReadsAndDeletes() throws IOException {
        LocalObjectStore store = new LocalObjectStore(root);
        store.put("videos/1/a.mp4", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "video/mp4");
        assertThat(store.exists("videos/1/a.mp4")).isTrue();
        try (InputStream in = store.get("videos/1/a.mp4")) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        store.delete("videos/1/a.mp4");
        assertThat(store.exists("videos/1/a.mp4")).isFalse();
    }

    @Test
    void aFailedUploadLeavesNoFileBehind() throws IOException {
        LocalObjectStore store = new LocalObjectStore(root);
        InputStream failing = new InputStream() {
            int sent;
            @Override public int read() throws IOException {
                if (sent++ > 1000) throw new IOException("client went away");
                return 7;
            }
        };
        assertThatThrownBy(() -> store.put("videos/1/b.mp4", failing, 5000, "video/mp4")).isInstanceOf(IOException.class);
        assertThat(store.exists("videos/1/b.mp4")).isFalse();
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void keysCannotEscapeTheRoot() {
        LocalObjectStore store = new LocalObjectStore(root);
        assertThatThrownBy(() -> store.exists("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
