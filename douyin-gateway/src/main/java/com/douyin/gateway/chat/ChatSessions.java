package com.douyin.gateway.chat;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/** The chat WebSocket connections open on this gateway instance, by user (a user may have several devices). */
@Component
public class ChatSessions {

    private static final Logger log = LoggerFactory.getLogger(ChatSessions.class);
    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

    private final Map<Long, Set<WebSocketSession>> byUser = new ConcurrentHashMap<>();

    /** Registers a connection; sends to it are serialized, and a client too slow to read is dropped. */
    public void open(long userId, WebSocketSession session) {
        byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet())
                .add(new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES));
    }

    public void close(long userId, WebSocketSession session) {
        byUser.computeIfPresent(userId, (id, sessions) -> {
            sessions.removeIf(s -> s.getId().equals(session.getId()));
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /** Sends {@code json} to every connection of the user here (none: nothing to do). */
    public void send(long userId, String json) {
        for (WebSocketSession session : byUser.getOrDefault(userId, Set.of())) {
            try {
                session.sendMessage(new TextMessage(json));
            } catch (IOException | RuntimeException e) {
                log.debug("Push to a connection of user {} failed (it polls instead): {}", userId, e.toString());
            }
        }
    }
}
