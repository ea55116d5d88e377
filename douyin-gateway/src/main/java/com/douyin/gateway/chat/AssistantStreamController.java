package com.douyin.gateway.chat;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.message.AssistantStreamChannel;
import com.douyin.api.message.MessageService;
import com.douyin.api.message.MessageText;
import com.douyin.gateway.auth.ViewerAuthenticator;
import com.douyin.gateway.web.RequestParams;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /douyin/message/sse/}: a message to the assistant whose answer comes back as
 * Server-Sent Events while the model writes it: {@code event: delta} ({@code {"text":..}}) per
 * piece, then {@code event: done} ({@code {"message":Message}}, the answer as stored in the chat).
 * The pieces travel from the message provider over a Redis channel of this request's own
 * ({@link AssistantStreamChannel}), subscribed before the question is sent, so none is missed.
 */
@RestController
public class AssistantStreamController {

    /** The longest an answer may stream; the chat has it afterwards in any case. */
    private static final long STREAM_TIMEOUT_MS = 60_000;

    @Autowired // ProviderReferences
    private MessageService messages;

    private final ViewerAuthenticator auth;
    private final RedissonClient redisson;
    private final ScheduledExecutorService lateness = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "assistant-stream-late");
        thread.setDaemon(true);
        return thread;
    });

    public AssistantStreamController(ViewerAuthenticator auth, RedissonClient redisson) {
        this.auth = auth;
        this.redisson = redisson;
    }

    @PostMapping({"/douyin/message/sse/", "/douyin/message/sse"})
    public SseEmitter ask(HttpServletRequest request) {
        long userId = auth.requireViewer(request);
        String content = MessageText.RULE.normalize(RequestParams.optional(request, "content"));
        String streamId = UUID.randomUUID().toString();
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        RTopic channel = redisson.getTopic(AssistantStreamChannel.name(streamId), StringCodec.INSTANCE);
        int listener;
        try {
            AssistantStreamRelay relay = new AssistantStreamRelay(emitter, lateness);
            listener = channel.addListener(String.class, (name, json) -> relay.accept(json));
        } catch (RedisException e) {
            throw new DouyinException(ErrorCode.SERVICE_UNAVAILABLE,
                    "Streamed answers are unavailable right now; send the message with /douyin/message/action/ instead.");
        }
        Runnable unsubscribe = () -> channel.removeListenerAsync(listener);
        emitter.onCompletion(unsubscribe);
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> unsubscribe.run());
        try {
            messages.askAssistant(userId, content, streamId);
        } catch (RuntimeException refused) {
            unsubscribe.run();
            throw refused; // answered as JSON, before any event
        }
        return emitter;
    }
}
