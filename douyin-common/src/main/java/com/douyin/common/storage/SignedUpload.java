package com.douyin.common.storage;

import java.net.URI;
import java.util.Map;

/**
 * The request a client makes to upload one object itself: PUT the bytes to {@code url} with
 * exactly these {@code headers} (they are part of what was signed).
 */
public record SignedUpload(URI url, Map<String, String> headers) {

    public SignedUpload {
        headers = Map.copyOf(headers);
    }
}
