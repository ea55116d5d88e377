package com.douyin.common.testing;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A fresh 32-byte secret for a test: a fixed one would be a secret published in the repository. */
public final class RandomSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomSecret() {
    }

    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
