package com.douyin.common.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where video files and images live. Keys are relative paths ("videos/42/abc.mp4"); the
 * database stores keys, never hosts, so the store can move. Implementations: the local disk
 * (default, served by the gateway) and Aliyun OSS.
 */
public interface ObjectStore {

    /** Stores the stream under {@code key}, replacing nothing half-written if it fails. */
    void put(String key, InputStream content, long length, String contentType) throws IOException;

    /**
     * Stores the stream under {@code key} only if nothing is there yet, atomically (two
     * concurrent calls cannot both succeed); false, and nothing changed, if something is.
     */
    boolean putIfAbsent(String key, InputStream content, long length, String contentType) throws IOException;

    boolean exists(String key);

    /** The object's length in bytes; empty when there is no such object. */
    OptionalLong size(String key);

    InputStream get(String key) throws IOException;

    void delete(String key);

    /**
     * A PUT with which a client may itself store {@code key}, once, until {@code expiresAt}, so
     * that large files bypass the gateway; empty when the store cannot sign one (the local disk:
     * the gateway signs its own upload URLs then).
     */
    Optional<SignedUpload> signUpload(String key, String contentType, Instant expiresAt);
}
