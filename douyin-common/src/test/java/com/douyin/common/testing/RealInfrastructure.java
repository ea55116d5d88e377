package com.douyin.common.testing;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For provider ITs: makes sure the real Nacos and RocketMQ of {@code ./douyin infra} are
 * running (starting them if not). They are stopped by {@code ./douyin down}, which
 * {@code ./douyin test} runs at its end.
 */
public final class RealInfrastructure implements BeforeAllCallback {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RealInfrastructure.class) {
            if (!portOpen(9876) || !portOpen(10911) || !portOpen(8848)) {
                run("infra");
            }
        }
    }

    private static void run(String command) throws IOException, InterruptedException {
        File log = REPO.resolve(".run").resolve("it-launcher.log").toFile();
        log.getParentFile().mkdirs();
        Process process = new ProcessBuilder(REPO.resolve("douyin").toString(), command)
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("./douyin " + command + " failed; see " + log);
        }
    }

    private static boolean portOpen(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
