package com.douyin.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedLoadsTest {

    private final FeedLoads loads = new FeedLoads();

    @AfterEach
    void stop() {
        loads.destroy();
    }

    @Test
    void aLoadRunsOnItsOwnThreadInsideTheRequestsObservation() throws Exception {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(context -> true);
        Observation request = Observation.start("http.server.requests", registry);
        try (Observation.Scope scope = request.openScope()) {
            String[] seen = new String[2];
            loads.supply(() -> {
                seen[0] = Thread.currentThread().getName();
                seen[1] = registry.getCurrentObservation() == request ? "the request's" : "another";
                return seen;
            }).get();
            assertThat(seen[0]).startsWith("feed-load-");
            assertThat(seen[1]).isEqualTo("the request's"); // so its provider calls carry the request's trace
        } finally {
            request.stop();
        }
    }
}
