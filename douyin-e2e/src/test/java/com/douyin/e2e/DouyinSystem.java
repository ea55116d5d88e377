package com.douyin.e2e;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system under test, run by the launcher exactly as the README tells a user to: started
 * once for all end-to-end classes with {@code ./douyin up}, and stopped with
 * {@code ./douyin down} after the last one, unless it was already running before.
 */
final class DouyinSystem implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final String API = "http://127.0.0.1:8080";
    static final int[] PORTS = {8080, 8848, 9876, 10911, 20881, 20882};

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        synchronized (DouyinSystem.class) {
            if (root.get(DouyinSystem.class) == null) {
                boolean startedHere = !portOpen(8080);
                if (startedHere) {
                    launcher("up");
                }
                root.put(DouyinSystem.class, startedHere ? this : (ExtensionContext.Store.CloseableResource) () -> { });
            }
        }
    }

    /** After the last test class: stop what we started and check nothing is left listening. */
    @Override
    public void close() throws Exception {
        launcher("down");
        for (int port : PORTS) {
            if (portOpen(port)) {
                throw new IllegalStateException("port " + port + " still open after ./douyin down");
            }
        }
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
