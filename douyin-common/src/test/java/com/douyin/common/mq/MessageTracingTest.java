package com.douyin.common.mq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import org.apache.rocketmq.client.hook.ConsumeMessageContext;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.client.hook.SendMessageContext;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageBatch;
import org.junit.jupiter.api.Test;

class MessageTracingTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    /** A tracer inside a span, and a propagator that writes that span as a traceparent. */
    @SuppressWarnings("unchecked")
    private static MessageTracing insideASpan() {
        Tracer tracer = mock(Tracer.class);
        Span span = mock(Span.class);
        when(tracer.currentSpan()).thenReturn(span);
        when(span.context()).thenReturn(mock(TraceContext.class));
        Propagator propagator = mock(Propagator.class);
        doAnswer(call -> {
            ((Propagator.Setter<Object>) call.getArgument(2)).set(call.getArgument(1), "traceparent", TRACEPARENT);
            return null;
        }).when(propagator).inject(any(), any(), any());
        return new MessageTracing(tracer, propagator);
    }

    @Test
    void everyMessageOfABatchCarriesTheTraceInTheBytesThatAreSent() {
        MessageBatch batch = MessageBatch.generateFromList(List.of(
                new Message("douyin-favorite", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                new Message("douyin-favorite", "{\"b\":2}".getBytes(StandardCharsets.UTF_8))));
        batch.setBody(batch.encode()); // as the producer does before its hooks run
        SendMessageContext context = new SendMessageContext();
        context.setMessage(batch);

        insideASpan().sendMessageBefore(context);

        for (Message message : batch) {
            assertThat(message.getUserProperty("traceparent")).isEqualTo(TRACEPARENT);
        }
        String sent = new String(batch.getBody(), StandardCharsets.ISO_8859_1);
        assertThat(sent.split(TRACEPARENT, -1)).as("the traceparent once per message in the batch's body").hasSize(3);
    }

    @Test
    void aSingleMessageCarriesTheTrace() {
        Message message = new Message("douyin-comment", "{}".getBytes(StandardCharsets.UTF_8));
        SendMessageContext context = new SendMessageContext();
        context.setMessage(message);

        insideASpan().sendMessageBefore(context);

        assertThat(message.getUserProperty("traceparent")).isEqualTo(TRACEPARENT);
    }

    @Test
    void aBatchAppearsInEveryRecordedTraceOfItsMessagesOnce() {
        List<MutableSpan> reported = new CopyOnWriteArrayList<>();
        Tracing tracing = Tracing.newBuilder()
                .propagationFactory(new W3CPropagation())
                .addSpanHandler(new SpanHandler() {
                    @Override
                    public boolean end(brave.propagation.TraceContext context, MutableSpan span, Cause cause) {
                        reported.add(span);
                        return true;
                    }
                })
                .build();
        try (tracing) {
            BraveCurrentTraceContext current = new BraveCurrentTraceContext(tracing.currentTraceContext());
            MessageTracing messageTracing = new MessageTracing(new BraveTracer(tracing.tracer(), current), new BravePropagator(tracing));
            String a = "4bf92f3577b34da6a3ce929d0e0e4736", b = "5bf92f3577b34da6a3ce929d0e0e4737", c = "6bf92f3577b34da6a3ce929d0e0e4738";
            ConsumeMessageContext context = new ConsumeMessageContext();
            context.setMsgList(List.of(
                    messageIn(a, "01"), messageIn(b, "01"), messageIn(a, "01"), // a: the first message's trace
                    messageIn(c, "00"), // not recorded
                    messageIn(b, "01"))); // b: once

            messageTracing.consumeMessageBefore(context);
            messageTracing.consumeMessageAfter(context);

            assertThat(reported).extracting(MutableSpan::traceId).containsExactlyInAnyOrder(a, b);
            assertThat(reported).allSatisfy(span -> {
                assertThat(span.name()).isEqualTo("consume douyin-favorite");
                assertThat(span.tag("messaging.batch.message_count")).isEqualTo("5");
            });
        }
    }

    private static MessageExt messageIn(String traceId, String flags) {
        MessageExt message = new MessageExt();
        message.setTopic("douyin-favorite");
        message.putUserProperty("traceparent", "00-" + traceId + "-00f067aa0ba902b7-" + flags);
        return message;
    }
}
