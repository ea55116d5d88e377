package com.douyin.message.assistant;

import com.douyin.api.message.MessageDTO;
import com.douyin.common.text.SensitiveText;
import com.douyin.message.push.AssistantStream;
import com.douyin.message.push.ChatPush;
import com.douyin.message.service.ChatStore;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The assistant account's side of its chats: after a user's message to it, the recent chat goes
 * to the chat API and the answer comes back as a message from the assistant, in the background
 * (the sender's request does not wait for the model). Not configured, slow or failing, past the
 * user's allowance ({@link AssistantAllowance}) or with its queue full, the assistant still
 * answers, with a short message saying why it cannot; the chat itself never breaks.
 */
@Component
public class AssistantReplies implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AssistantReplies.class);
    private static final int MAX_REPLY_CHARS = 1000; // the message column

    private final AssistantProperties properties;
    private final ChatStore chats;
    private final ChatPush push;
    private final AssistantStream stream;
    private final ChatCompletionClient client;
    private final AssistantAllowance allowance;
    /** Four answers at a time; a bounded queue, so a flood of messages cannot pile up work and memory. */
    private final ThreadPoolExecutor workers;

    public AssistantReplies(AssistantProperties properties, ChatStore chats, ChatPush push, AssistantStream stream,
            RedissonClient redisson) {
        this.properties = properties;
        this.chats = chats;
        this.push = push;
        this.stream = stream;
        this.client = ChatCompletionClient.of(properties);
        this.allowance = new AssistantAllowance(redisson, properties.callsPerMinute(), properties.callsPerDay(), Clock.systemUTC());
        this.workers = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(properties.queue()), r -> {
            Thread t = new Thread(r, "assistant-reply");
            t.setDaemon(true);
            return t;
        });
    }

    public boolean isAssistant(long userId) {
        return userId == properties.userId();
    }

    public long assistantId() {
        return properties.userId();
    }

    public void answerLater(long userId) {
        later(userId, () -> answer(userId), () -> store(userId, properties.busyReply()));
    }

    /**
     * The same answer, streamed on {@code streamId}'s channel as the model writes it (a reply the
     * assistant gives without the model, not configured or failing, is one piece). The pieces
     * are masked as one text ({@link MaskedStream}), as the stored message is.
     */
    public void answerStreamingLater(long userId, String streamId) {
        later(userId, () -> stream(userId, streamId), () -> {
            MessageDTO reply = store(userId, properties.busyReply());
            stream.piece(streamId, 0, reply.content());
            stream.done(streamId, 1, reply);
        });
    }

    /** {@code work} by a worker, or, with the queue full, {@code whenBusy} at once (the user hears why). */
    private void later(long userId, Runnable work, Runnable whenBusy) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException e) {
            log.warn("The assistant's queue is full ({} waiting): user {} is told it is busy", workers.getQueue().size(), userId);
            whenBusy.run();
        }
    }

    private void stream(long userId, String streamId) {
        StringBuilder streamed = new StringBuilder();
        MaskedStream masked = new MaskedStream();
        int[] pieces = {0};
        Consumer<String> send = piece -> {
            if (!piece.isEmpty()) {
                stream.piece(streamId, pieces[0]++, piece);
            }
        };
        String text = think(userId, piece -> {
            streamed.append(piece);
            send.accept(masked.append(piece));
        });
        send.accept(masked.finish());
        if (!text.equals(streamed.toString().strip())) {
            send.accept(text); // not from the model (not configured, failed, limited): one piece
        }
        MessageDTO reply = store(userId, text);
        stream.done(streamId, pieces[0], reply);
    }

    void answer(long userId) {
        store(userId, think(userId, null));
    }

    private MessageDTO store(long userId, String text) {
        MessageDTO reply = chats.store(properties.userId(), userId, limit(SensitiveText.mask(text)));
        push.announce(reply);
        return reply;
    }

    /** The answer to the user's chat; {@code onPiece}, if given, gets it piece by piece from the model. */
    private String think(long userId, Consumer<String> onPiece) {
        if (!properties.configured()) {
            return properties.notConfiguredReply();
        }
        try {
            switch (allowance.take(userId)) {
                case MINUTE_USED_UP -> {
                    return properties.minuteUsedUpReply();
                }
                case DAY_USED_UP -> {
                    return properties.dayUsedUpReply();
                }
                case ALLOWED -> { }
            }
            return onPiece == null ? client.complete(conversation(userId)) : client.stream(conversation(userId), onPiece);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("The assistant could not answer user {}: {}", userId, e.toString());
            return properties.failureReply();
        }
    }

    private List<ChatCompletionClient.Turn> conversation(long userId) {
        List<ChatCompletionClient.Turn> turns = new ArrayList<>();
        turns.add(new ChatCompletionClient.Turn("system", properties.systemPrompt()));
        for (MessageDTO message : chats.latest(userId, properties.userId(), properties.history())) {
            turns.add(new ChatCompletionClient.Turn(isAssistant(message.fromUserId()) ? "assistant" : "user", message.content()));
        }
        return turns;
    }

    private static String limit(String text) {
        return text.codePointCount(0, text.length()) <= MAX_REPLY_CHARS ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_REPLY_CHARS - 1)) + "…";
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }
}
