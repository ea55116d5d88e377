package com.douyin.e2e;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The system under test, run by the launcher exactly as the README tells a user to. */
final class DouyinSystem {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final String API = "http://127.0.0.1:8080";

    private DouyinSystem() {
    }

    static boolean gatewayAnswers() {
        return portOpen(8080);
    }

    static void launcher(String command) throws IOException, InterruptedException {
        File log = REPO.resolve(".run").resolve("e2e-launcher.log").toFile();
        log.getParentFile().mkdirs();
        Process process = new ProcessBuilder(REPO.resolve("douyin").toString(), command)
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./douyin " + command + " took over 10 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./douyin " + command + " failed (" + process.exitValue() + "); see " + log);
        }
    }

    static boolean portOpen(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
