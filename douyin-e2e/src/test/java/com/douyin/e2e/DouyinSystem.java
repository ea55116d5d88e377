package com.douyin.e2e;

import com.douyin.common.testing.Launcher;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system under test, run by the launcher exactly as the README tells a user to: started
 * once for all end-to-end classes with {@code ./douyin up}, and stopped with
 * {@code ./douyin down} after the last one, unless it was already running before.
 */
final class DouyinSystem implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    static final Path REPO = Launcher.REPO;
    static final String API = "http://127.0.0.1:8080";
    static final int[] PORTS = {8080, 8848, 9876, 10911, 8091, 7091, 9411, 9412, 9413, 12800, 11800, 20881, 20882, 20883, 20884, 20885, 20886, 20891, 8719, 8721, 8726, 9101, 9106};

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store root = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        synchronized (DouyinSystem.class) {
            if (root.get(DouyinSystem.class) == null) {
                boolean startedHere = !Launcher.portOpen(8080);
                if (startedHere) {
                    Launcher.run("up", "e2e-launcher", Duration.ofMinutes(10));
                }
                root.put(DouyinSystem.class, startedHere ? this : (ExtensionContext.Store.CloseableResource) () -> { });
            }
        }
    }

    /** After the last test class: stop what we started and check nothing is left listening. */
    @Override
    public void close() throws Exception {
        Launcher.run("down", "e2e-launcher", Duration.ofMinutes(5));
        for (int port : PORTS) {
            if (Launcher.portOpen(port)) {
                throw new IllegalStateException("port " + port + " still open after ./douyin down");
            }
        }
    }
}
