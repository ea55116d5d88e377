package com.douyin.gateway.chat;

import com.douyin.api.common.DouyinException;
import com.douyin.common.auth.AccessTokens;
import com.douyin.gateway.auth.ViewerAuthenticator;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /douyin/message/ws/?token=}: a logged-in client keeps this open and receives each new
 * message of its chats (sent or received) as the contract's Message JSON, instead of polling.
 * It sends nothing; messages are still sent with {@code POST /douyin/message/action/}.
 */
@Component
public class ChatSocketHandler extends TextWebSocketHandler {

    private static final String USER = "userId";

    private final ViewerAuthenticator auth;
    private final ChatSessions sessions;

    public ChatSocketHandler(ViewerAuthenticator auth, ChatSessions sessions) {
        this.auth = auth;
        this.sessions = sessions;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        AccessTokens.Verified login;
        try {
            String token = session.getUri() == null ? null
                    : UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams().getFirst("token");
            login = auth.verify(token);
        } catch (DouyinException e) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason(e.getMessage()));
            return;
        }
        session.getAttributes().put(USER, login.claims().userId());
        sessions.open(login, session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Object userId = session.getAttributes().get(USER);
        if (userId != null) {
            sessions.close((Long) userId, session);
        }
    }
}
