package com.douyin.common.tracing;

import brave.sampler.CountingSampler;
import brave.sampler.RateLimitingSampler;
import brave.sampler.Sampler;

/**
 * Which new traces a service records and reports: a share of them ({@code probability}), and no
 * more than {@code perSecond} a second, so a storm of requests does not become a storm of spans
 * for the trace backend. Only traces this service starts are decided here: a request or message
 * that arrives with a sampled trace context is recorded whatever these say. Unrecorded traces
 * still have their trace ID, in every log line. Both numbers can change while the service runs
 * ({@link TraceSampling} applies douyin-shared.yaml's as it changes in Nacos).
 */
public final class TraceSampler extends Sampler {

    private volatile Sampler share;
    private volatile Sampler cap;

    public TraceSampler(double probability, int perSecond) {
        set(probability, perSecond);
    }

    /** probability in [0, 1]; perSecond >= 0 (0: none). */
    public void set(double probability, int perSecond) {
        if (!(probability >= 0 && probability <= 1) || perSecond < 0) {
            throw new IllegalArgumentException("sampling probability must be in [0, 1] and per-second >= 0, not "
                    + probability + " and " + perSecond);
        }
        this.share = probability == 0 ? Sampler.NEVER_SAMPLE : CountingSampler.create((float) probability);
        this.cap = perSecond == 0 ? Sampler.NEVER_SAMPLE : RateLimitingSampler.create(perSecond);
    }

    @Override
    public boolean isSampled(long traceId) {
        // The share first: the cap's budget is spent only on traces the share picked.
        return share.isSampled(traceId) && cap.isSampled(traceId);
    }
}
