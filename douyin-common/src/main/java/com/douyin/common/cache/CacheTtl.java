package com.douyin.common.cache;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Cache lifetimes with random jitter, so keys written together do not all expire together. */
public final class CacheTtl {

    private CacheTtl() {
    }

    /** {@code base} plus a random 0-20 %. */
    public static Duration withJitter(Duration base) {
        long jitterMs = ThreadLocalRandom.current().nextLong(base.toMillis() / 5 + 1);
        return base.plusMillis(jitterMs);
    }
}
