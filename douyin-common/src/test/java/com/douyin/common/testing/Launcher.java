package com.douyin.common.testing;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./douyin COMMAND} from a module's tests, as a user would; output in .run/NAME.log. */
public final class Launcher {

    public static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private Launcher() {
    }

    /** Runs {@code ./douyin COMMAND} (words split on spaces, e.g. "stop broker"), output appended to .run/LOGNAME.log. */
    public static void run(String command, String logName, Duration timeout) throws IOException, InterruptedException {
        run(command, logName, timeout, Map.of());
    }

    /** As {@link #run(String, String, Duration)}, with these variables added to the environment. */
    public static void run(String command, String logName, Duration timeout, Map<String, String> env) throws IOException, InterruptedException {
        File log = REPO.resolve(".run").resolve(logName + ".log").toFile();
        log.getParentFile().mkdirs();
        long started = System.nanoTime();
        List<String> argv = new ArrayList<>();
        argv.add(REPO.resolve("douyin").toString());
        argv.addAll(List.of(command.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./douyin " + command + " took over " + timeout + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./douyin " + command + " failed (" + process.exitValue() + "); see " + log);
        }
        // How long each step of a drill took, for a run that is slower than it should be.
        Files.writeString(log.toPath(), String.format("(./douyin %s took %.1f s)%n", command, (System.nanoTime() - started) / 1e9),
                StandardOpenOption.APPEND);
    }

    public static boolean portOpen(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
