package com.douyin.common.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where video files and images live. Keys are relative paths ("videos/42/abc.mp4"); the
 * database stores keys, never hosts, so the store can move. Implementations: the local disk
 * (default, served by the gateway) and Aliyun OSS.
 */
public interface ObjectStore {

    /** Stores the stream under {@code key}, replacing nothing half-written if it fails. */
    void put(String key, InputStream content, long length, String contentType) throws IOException;

    boolean exists(String key);

    InputStream get(String key) throws IOException;

    void delete(String key);
}
