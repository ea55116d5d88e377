package com.douyin.gateway.chat;

import com.douyin.common.auth.AccessTokens;
import com.douyin.gateway.auth.ViewerAuthenticator;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The chat WebSocket connections open on this gateway instance, by user (a user may have several
 * devices). A connection lives as long as the login it was opened with: it is closed when its
 * access token expires or its session is revoked (a logout, a password change elsewhere), found
 * before any push and by a sweep every few seconds, so a signed-out device receives no more
 * private messages. The client reconnects with a fresh token.
 */
@Component
public class ChatSessions {

    private static final Logger log = LoggerFactory.getLogger(ChatSessions.class);
    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;
    private static final long SWEEP_SECONDS = 5;
    private static final CloseStatus SIGNED_OUT = CloseStatus.POLICY_VIOLATION.withReason("Session ended, please log in again.");

    private final Map<Long, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final ViewerAuthenticator auth;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chat-session-sweep");
        thread.setDaemon(true);
        return thread;
    });

    /** A connection and the login it was opened with. */
    private record Connection(WebSocketSession socket, AccessTokens.Verified login) {
    }

    public ChatSessions(ViewerAuthenticator auth) {
        this.auth = auth;
        sweeper.scheduleWithFixedDelay(this::closeEnded, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /** Registers a connection; sends to it are serialized, and a client too slow to read is dropped. */
    public void open(AccessTokens.Verified login, WebSocketSession session) {
        byUser.computeIfAbsent(login.claims().userId(), id -> ConcurrentHashMap.newKeySet())
                .add(new Connection(new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES), login));
    }

    public void close(long userId, WebSocketSession session) {
        byUser.computeIfPresent(userId, (id, connections) -> {
            connections.removeIf(c -> c.socket().getId().equals(session.getId()));
            return connections.isEmpty() ? null : connections;
        });
    }

    /** Sends {@code json} to every live connection of the user here (none: nothing to do). */
    public void send(long userId, String json) {
        for (Connection connection : byUser.getOrDefault(userId, Set.of())) {
            if (!isLive(connection)) {
                signOut(connection);
                continue;
            }
            try {
                connection.socket().sendMessage(new TextMessage(json));
            } catch (IOException | RuntimeException e) {
                log.debug("Push to a connection of user {} failed (it polls instead): {}", userId, e.toString());
            }
        }
    }

    /** Closes this gateway's connections of a session at once (its logout came through here). */
    public void closeSession(String sessionId) {
        byUser.values().forEach(connections -> connections.stream()
                .filter(c -> c.login().claims().sessionId().equals(sessionId)).forEach(this::signOut));
    }

    void closeEnded() {
        try {
            byUser.values().forEach(connections -> connections.stream().filter(c -> !isLive(c)).forEach(this::signOut));
        } catch (RuntimeException e) {
            log.warn("Chat session sweep failed: {}", e.toString());
        }
    }

    private boolean isLive(Connection connection) {
        return Instant.now().isBefore(connection.login().expiresAt()) && auth.isLive(connection.login().claims());
    }

    private void signOut(Connection connection) {
        try {
            connection.socket().close(SIGNED_OUT);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing a signed-out chat connection failed: {}", e.toString());
        }
        close(connection.login().claims().userId(), connection.socket());
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }
}
