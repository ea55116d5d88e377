package com.douyin.common.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The secrets a service must refuse: shorter than 32 bytes, or published in this repository
 * (an old default or a test key, kept as SHA-256 in published-secrets.sha256), since anyone
 * could sign tokens or upload URLs with them. Each installation gets random ones from the launcher.
 */
public final class PublishedSecrets {

    static final int MIN_BYTES = 32;
    private static final Set<String> PUBLISHED = load();

    private PublishedSecrets() {
    }

    /** Refuses (IllegalArgumentException naming {@code property}) a secret that protects nothing. */
    public static String requireUsable(String property, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(property + " is not set: ./douyin up generates one per installation"
                    + " (.run/secrets/douyin-secrets.yaml, published to Nacos as douyin-secrets.yaml)");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new IllegalArgumentException(property + " must be at least " + MIN_BYTES + " bytes");
        }
        if (isPublished(secret)) {
            throw new IllegalArgumentException(property + " is a secret published in the douyin-dubbo repository:"
                    + " anyone could use it. Set a random one (e.g. openssl rand -hex 32)");
        }
        return secret;
    }

    public static boolean isPublished(String secret) {
        return PUBLISHED.contains(sha256(secret));
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    private static Set<String> load() {
        try (InputStream in = PublishedSecrets.class.getResourceAsStream("published-secrets.sha256")) {
            if (in == null) {
                throw new IllegalStateException("published-secrets.sha256 is missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
