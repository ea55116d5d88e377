package com.douyin.infra.stores;

import java.util.concurrent.CountDownLatch;

/** Keeps an embedded server's JVM alive until SIGTERM, then stops the server cleanly. */
final class ServerProcess {

    interface Stopper {
        void stop() throws Exception;
    }

    private ServerProcess() {
    }

    static void runUntilTerminated(String readyLine, Stopper stopper) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stopper.stop();
            } catch (Exception e) {
                System.err.println("Stopping failed: " + e);
            }
        }));
        System.out.println(readyLine); // the launcher waits for the port; this line is for people
        new CountDownLatch(1).await();
    }
}
