package com.douyin.common.mq;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import org.apache.rocketmq.client.hook.ConsumeMessageContext;
import org.apache.rocketmq.client.hook.ConsumeMessageHook;
import org.apache.rocketmq.client.hook.SendMessageContext;
import org.apache.rocketmq.client.hook.SendMessageHook;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageBatch;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Carries the trace context across RocketMQ, as Dubbo's tracing does across calls: a sent message
 * gets the current trace in its user properties (W3C {@code traceparent}), and consuming it runs
 * in a span of that trace, so the consumer's log lines show the trace ID of the request that
 * caused them. A batch continues the trace of its first message (the others are counted in the
 * span's {@code messaging.batch.message_count} tag).
 */
public final class MessageTracing implements SendMessageHook, ConsumeMessageHook {

    /** The span a consume thread is in between the before and after hooks. */
    private static final ThreadLocal<Consuming> CONSUMING = new ThreadLocal<>();

    private final Tracer tracer;
    private final Propagator propagator;

    public MessageTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public String hookName() {
        return "douyin-trace-context";
    }

    @Override
    public void sendMessageBefore(SendMessageContext context) {
        Span current = tracer.currentSpan();
        if (current == null) {
            return;
        }
        if (context.getMessage() instanceof MessageBatch batch) {
            // A batch (a gathered like storm) was encoded before this hook: each message gets
            // the trace, and the batch is encoded again, or the consumers would start new traces.
            for (Message message : batch) {
                propagator.inject(current.context(), message, Message::putUserProperty);
            }
            batch.setBody(batch.encode());
        } else {
            propagator.inject(current.context(), context.getMessage(), Message::putUserProperty);
        }
    }

    @Override
    public void sendMessageAfter(SendMessageContext context) {
    }

    @Override
    public void consumeMessageBefore(ConsumeMessageContext context) {
        List<MessageExt> messages = context.getMsgList();
        if (messages == null || messages.isEmpty()) {
            return;
        }
        MessageExt first = messages.get(0);
        Span span = propagator.extract(first, MessageExt::getUserProperty)
                .name("consume " + first.getTopic()).kind(Span.Kind.CONSUMER)
                .tag("messaging.destination.name", first.getTopic())
                .tag("messaging.batch.message_count", Integer.toString(messages.size()))
                .start();
        CONSUMING.set(new Consuming(span, tracer.withSpan(span)));
    }

    @Override
    public void consumeMessageAfter(ConsumeMessageContext context) {
        Consuming consuming = CONSUMING.get();
        if (consuming != null) {
            CONSUMING.remove();
            consuming.scope().close();
            consuming.span().end();
        }
    }

    private record Consuming(Span span, Tracer.SpanInScope scope) {
    }
}
