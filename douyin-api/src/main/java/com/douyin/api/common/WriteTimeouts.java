package com.douyin.api.common;

/**
 * The gateway's timeout for a hot write (like, follow, comment), set on its references
 * (ProviderReferences): Dubbo applies the caller's timeout, not one the provider declares. It is
 * longer than a read's 3 s because such a write may take the synchronous path when the broker is
 * slow: a failed send (up to 1 s), the row, then the counters' owners over Dubbo. A write cut off
 * by the caller's timeout still happens, which a client that was told it failed would not expect.
 */
public final class WriteTimeouts {

    public static final int SYNCHRONOUS_PATH_MS = 6_000;

    private WriteTimeouts() {
    }
}
