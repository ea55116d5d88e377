package com.douyin.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import brave.sampler.Sampler;
import com.douyin.common.testing.ItDatabase;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Redis calls as spans (real Redis, a real Brave tracer whose finished spans are kept here). */
class TracedRedissonIT {

    private static final String REDIS_URL = System.getenv().getOrDefault("DOUYIN_IT_REDIS_URL", "redis://127.0.0.1:6379");
    private static final List<MutableSpan> finished = new CopyOnWriteArrayList<>();
    private static Tracing tracing;
    private static Tracer tracer;
    private static RedissonClient redis;
    private final String key = "it:traced:" + System.nanoTime();

    @BeforeAll
    static void connect() {
        tracing = Tracing.newBuilder().localServiceName("it").sampler(Sampler.ALWAYS_SAMPLE).addSpanHandler(new SpanHandler() {
            @Override
            public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                finished.add(span);
                return true;
            }
        }).build();
        tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()), new BraveBaggageManager());
        RedissonClient client = new RedissonAutoConfiguration()
                .redissonClient(new RedisProperties(REDIS_URL, null, ItDatabase.REDIS_DATABASE, null, null, null));
        redis = TracedRedisson.wrap(client, tracer);
    }

    @AfterAll
    static void disconnect() {
        redis.shutdown();
        tracing.close();
    }

    @BeforeEach
    void forget() {
        finished.clear();
    }

    @Test
    void eachCallInATraceIsAClientSpanOfItAndABatchIsOne() {
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            redis.<String, String>getMap(key + ":map", StringCodec.INSTANCE).put("a", "1");
            redis.<String>getScoredSortedSet(key + ":zset", StringCodec.INSTANCE).addAsync(1.0, "v").toCompletableFuture().join();
            Object answer = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY, "return 'ok'", RScript.ReturnType.VALUE);
            assertThat(answer).isEqualTo("ok"); // the call itself answers as before
            RBatch batch = redis.createBatch();
            batch.getBucket(key + ":a", StringCodec.INSTANCE).setAsync("x");
            batch.getBucket(key + ":b", StringCodec.INSTANCE).setAsync("y");
            batch.execute();
        } finally {
            request.end();
        }
        assertThat(redis.<String>getBucket(key + ":b", StringCodec.INSTANCE).get()).isEqualTo("y"); // outside the trace: no span

        List<MutableSpan> redisSpans = finished.stream().filter(span -> "redis".equals(span.remoteServiceName())).toList();
        assertThat(redisSpans).extracting(MutableSpan::name)
                .containsExactlyInAnyOrder("Map.put", "ScoredSortedSet.addAsync", "Script.eval", "Batch.execute");
        String requestSpanId = request.context().spanId();
        assertThat(redisSpans).allSatisfy(span -> {
            assertThat(span.parentId()).isEqualTo(requestSpanId);
            assertThat(span.kind()).isEqualTo(brave.Span.Kind.CLIENT);
            assertThat(span.tag("db.system")).isEqualTo("redis");
        });
        assertThat(redisSpans.stream().filter(span -> span.name().equals("Map.put")).findFirst().orElseThrow().tag("db.redis.key"))
                .isEqualTo(key + ":map");
        redis.getKeys().delete(key + ":map", key + ":zset", key + ":a", key + ":b");
    }

    @Test
    void aTraceNotRecordedGetsNoSpans() {
        brave.Span notRecorded = tracing.tracer().nextSpan(brave.sampler.SamplerFunctions.neverSample(), "request").start();
        try (brave.Tracer.SpanInScope scope = tracing.tracer().withSpanInScope(notRecorded)) {
            redis.<String, String>getMap(key + ":map", StringCodec.INSTANCE).put("a", "1");
        } finally {
            notRecorded.finish();
        }
        redis.<String, String>getMap(key + ":map", StringCodec.INSTANCE).delete();
        assertThat(finished).noneMatch(span -> "redis".equals(span.remoteServiceName()));
    }
}
