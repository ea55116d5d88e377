package com.douyin.common.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Objects as files under one folder. An upload is written to a temporary file in a sibling
 * folder (same disk, but outside what is served over HTTP), then moved into place atomically,
 * so a reader never sees half a file.
 */
public final class LocalObjectStore implements ObjectStore {

    private final Path root;
    private final Path uploading;

    public LocalObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.uploading = this.root.resolveSibling(this.root.getFileName() + ".uploading");
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        publish(key, content, (partial, target) -> {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        });
    }

    /** A hard link to the written file: created atomically, and never over an existing file. */
    @Override
    public boolean putIfAbsent(String key, InputStream content, long length, String contentType) throws IOException {
        return publish(key, content, (partial, target) -> {
            try {
                Files.createLink(target, partial);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        });
    }

    /**
     * Writes the stream to a file of its own beside the store, then lets {@code place} put it
     * under the key in one atomic step: a reader never sees half a file, a failure leaves none.
     */
    private boolean publish(String key, InputStream content, Placement place) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(uploading);
        Path partial = Files.createTempFile(uploading, "upload-", ".part");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(target.getParent());
            return place.at(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The atomic step that makes a written file the object; false if it did not. */
    @FunctionalInterface
    private interface Placement {
        boolean at(Path partial, Path target) throws IOException;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public OptionalLong size(String key) {
        Path path = resolve(key);
        try {
            return Files.isRegularFile(path) ? OptionalLong.of(Files.size(path)) : OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of object " + key, e);
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete object " + key, e);
        }
    }

    /** None: files on this disk reach it through the gateway, which signs its own upload URLs. */
    @Override
    public Optional<SignedUpload> signUpload(String key, String contentType, Instant expiresAt) {
        return Optional.empty();
    }

    /** A key never escapes the root ("../" and absolute paths are refused). */
    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Bad object key: " + key);
        }
        return path;
    }
}
