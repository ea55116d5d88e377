package com.douyin.common.testing;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./douyin COMMAND} from a module's tests, as a user would; output in .run/NAME.log. */
public final class Launcher {

    public static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private Launcher() {
    }

    public static void run(String command, String logName, Duration timeout) throws IOException, InterruptedException {
        File log = REPO.resolve(".run").resolve(logName + ".log").toFile();
        log.getParentFile().mkdirs();
        Process process = new ProcessBuilder(REPO.resolve("douyin").toString(), command)
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./douyin " + command + " took over " + timeout + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./douyin " + command + " failed (" + process.exitValue() + "); see " + log);
        }
    }

    public static boolean portOpen(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
