package com.douyin.common.mq;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * caused them. A batch runs in the trace of its first message (the others are counted in the
 * span's {@code messaging.batch.message_count} tag); each other recorded trace among its messages
 * gets a consume span of its own too, so every recorded request's trace shows the consumer that
 * applied its event.
 */
public final class MessageTracing implements SendMessageHook, ConsumeMessageHook {

    /** The W3C header the propagator writes: version-traceId-parentId-flags, flags 01 when recorded. */
    private static final String TRACEPARENT = "traceparent";
    /** Spans made for a batch's other recorded traces, at most (a storm's batch has hundreds of messages). */
    private static final int MAX_OTHER_TRACES = 32;

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
        Span span = consumeSpan(first, messages.size());
        CONSUMING.set(new Consuming(span, tracer.withSpan(span), otherRecordedTraces(messages, messages.size())));
    }

    private Span consumeSpan(MessageExt message, int batchSize) {
        return propagator.extract(message, MessageExt::getUserProperty)
                .name("consume " + message.getTopic()).kind(Span.Kind.CONSUMER)
                .tag("messaging.destination.name", message.getTopic())
                .tag("messaging.batch.message_count", Integer.toString(batchSize))
                .start();
    }

    /** A consume span in each recorded trace of the batch other than the first message's. */
    private List<Span> otherRecordedTraces(List<MessageExt> messages, int batchSize) {
        List<Span> spans = null;
        Set<String> traces = null;
        String firstTrace = traceIdOf(messages.get(0).getUserProperty(TRACEPARENT));
        for (int i = 1; i < messages.size(); i++) {
            String traceparent = messages.get(i).getUserProperty(TRACEPARENT);
            if (traceparent == null || !traceparent.endsWith("-01")) {
                continue; // not recorded: its trace ID is in the log lines already, no span to add
            }
            String trace = traceIdOf(traceparent);
            if (trace.equals(firstTrace) || (traces != null && traces.contains(trace))) {
                continue;
            }
            if (spans == null) {
                spans = new ArrayList<>();
                traces = new HashSet<>();
            }
            traces.add(trace);
            spans.add(consumeSpan(messages.get(i), batchSize));
            if (spans.size() == MAX_OTHER_TRACES) {
                break;
            }
        }
        return spans == null ? List.of() : spans;
    }

    private static String traceIdOf(String traceparent) {
        return traceparent == null || traceparent.length() < 35 ? "" : traceparent.substring(3, 35);
    }

    @Override
    public void consumeMessageAfter(ConsumeMessageContext context) {
        Consuming consuming = CONSUMING.get();
        if (consuming != null) {
            CONSUMING.remove();
            consuming.scope().close();
            consuming.span().end();
            consuming.others().forEach(Span::end);
        }
    }

    private record Consuming(Span span, Tracer.SpanInScope scope, List<Span> others) {
    }
}
