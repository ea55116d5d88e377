package com.douyin.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless: loads a page, lets its scripts and their requests run (a budget of
 * virtual time), and gives back the DOM as it then stands. `./douyin test` installs the package
 * when it is missing.
 */
final class HeadlessChromium {

    private static final String BINARY = "/usr/bin/chromium";

    private HeadlessChromium() {
    }

    static String renderedDom(String url) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(BINARY + " is missing: `apt-get install chromium` (./douyin test does it)");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        // The DOM goes to a file, so a Chromium that hangs is stopped at the time limit rather than read forever.
        // A tall window: Lens draws only the rows of a trace that are in view, and a traced request has dozens.
        Path dom = Files.createTempFile("chromium-dom", ".html");
        Process chromium = new ProcessBuilder(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--window-size=1280,6000", "--user-data-dir=" + profile, "--virtual-time-budget=20000", "--dump-dom", url))
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(dom.toFile()).start();
        if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException("chromium did not finish rendering " + url);
        }
        String rendered = Files.readString(dom, StandardCharsets.UTF_8);
        Files.delete(dom);
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
        return rendered;
    }
}
