package com.douyin.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TraceSamplerTest {

    private static long sampledOf(TraceSampler sampler, int traces) {
        return LongStream.range(1, traces + 1).filter(sampler::isSampled).count();
    }

    @Test
    void aShareOfNewTracesIsRecorded() {
        assertThat(sampledOf(new TraceSampler(0.1, 1_000_000), 1_000)).isEqualTo(100);
        assertThat(sampledOf(new TraceSampler(0, 1_000_000), 1_000)).isZero();
        assertThat(sampledOf(new TraceSampler(1, 1_000_000), 1_000)).isEqualTo(1_000);
    }

    @Test
    void aStormIsCappedAtTheTracesASecond() {
        // 10,000 new traces in far less than a second, all picked by the share: the cap keeps at
        // most 10 (Brave spreads them over the second's tenths, so fewer in a burst).
        assertThat(sampledOf(new TraceSampler(1, 10), 10_000)).isBetween(1L, 10L);
        assertThat(sampledOf(new TraceSampler(1, 0), 100)).isZero();
    }

    @Test
    void aChangeAppliesToTheNextTraces() {
        TraceSampler sampler = new TraceSampler(0, 10);
        assertThat(sampledOf(sampler, 100)).isZero();
        sampler.set(1, 1_000);
        assertThat(sampledOf(sampler, 100)).isEqualTo(100);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new TraceSampler(1.5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceSampler(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceSampler(0.5, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSamplingFollowsTheSharedDataIdInNacos() {
        TraceSampler sampler = new TraceSampler(0, 10);
        TraceSampling.applyTo(sampler, """
                douyin:
                  tracing:
                    sampling:
                      probability: 1.0
                      per-second: 1000000
                """);
        assertThat(sampledOf(sampler, 100)).isEqualTo(100);

        TraceSampling.applyTo(sampler, "douyin: { tracing: { sampling: { probability: 7 } } }"); // invalid: kept
        assertThat(sampledOf(sampler, 100)).isEqualTo(100);
    }
}
