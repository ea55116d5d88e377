package com.douyin.api.common;

/**
 * Dubbo timeouts of the hot writes (like, follow, comment): on the gateway's references, which
 * decide, and on the providers' services, whose own timeout checks then agree. They are longer than the usual 3 s because such a write may take the
 * synchronous path when the broker is slow: a failed send (up to 1 s), the row, then the counters'
 * owners over Dubbo. A write cut off by the caller's timeout still happens, which a client that was
 * told it failed would not expect.
 */
public final class WriteTimeouts {

    public static final int SYNCHRONOUS_PATH_MS = 6_000;

    private WriteTimeouts() {
    }
}
