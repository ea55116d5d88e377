package com.douyin.common.testing;

import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For provider ITs: makes sure the real Nacos and RocketMQ of {@code ./douyin infra} are
 * running (starting them if not). They are stopped by {@code ./douyin down}, which
 * {@code ./douyin test} runs at its end.
 */
public final class RealInfrastructure implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RealInfrastructure.class) {
            if (!Launcher.portOpen(9876) || !Launcher.portOpen(10911) || !Launcher.portOpen(8848)) {
                Launcher.run("infra", "it-launcher", Duration.ofMinutes(5));
            }
        }
    }
}
