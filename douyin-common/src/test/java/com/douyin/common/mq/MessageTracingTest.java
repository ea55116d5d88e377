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
}
