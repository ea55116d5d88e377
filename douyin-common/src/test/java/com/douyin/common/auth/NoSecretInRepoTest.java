package com.douyin.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No secret lives in the repository: every key-like word of 32+ characters on a line about a
 * secret must be listed in published-secrets.sha256, so that a service refuses to start with it.
 */
class NoSecretInRepoTest {

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", ".run", "node_modules");
    private static final Pattern SECRET_LINE = Pattern.compile("(?i)secret");
    // A word of 32+ key characters (letters, digits, - _ +), as keys and passphrases are written.
    private static final Pattern CANDIDATE = Pattern.compile("[A-Za-z0-9_+\\-]{32,}");

    @Test
    void everySecretLikeStringInTheRepositoryIsRefusedByTheServices() throws IOException {
        Path root = repositoryRoot();
        List<String> unlisted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(NoSecretInRepoTest::isScanned)::iterator) {
                List<String> lines = readText(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!SECRET_LINE.matcher(line).find()) {
                        continue;
                    }
                    Matcher m = CANDIDATE.matcher(line);
                    while (m.find()) {
                        String candidate = m.group();
                        if (looksLikeSecret(candidate) && !PublishedSecrets.isPublished(candidate)) {
                            unlisted.add(root.relativize(file) + ":" + (i + 1) + ": " + candidate);
                        }
                    }
                }
            }
        }
        assertThat(unlisted).as("secret-like strings not in published-secrets.sha256").isEmpty();
    }

    @Test
    void theOldDefaultsAreListed() {
        assertThat(PublishedSecrets.isPublished("local-development-secret-change-me-in-production")).isTrue();
        assertThat(PublishedSecrets.isPublished("local-upload-signing-secret-change-me-in-production")).isTrue();
    }

    // Not a secret: a Java identifier or constant name (letters and underscores only), a ruler (-----).
    private static boolean looksLikeSecret(String s) {
        return !s.matches("[A-Za-z_]+") && s.matches(".*[A-Za-z0-9].*");
    }

    private static boolean isScanned(Path file) {
        for (Path part : file) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && !name.endsWith(".sha256") && !name.matches(".*\\.(jar|png|jpg|mp4|gz|class|ico|ttf)");
    }

    private static List<String> readText(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
            return List.of();
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("douyin"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root (holding ./douyin) above the module").isNotNull();
        return dir;
    }
}
