package com.douyin.gateway.config;

import com.douyin.gateway.chat.ChatSocketHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** The chat push WebSocket, with and without the trailing slash like every route. */
@Configuration
@EnableWebSocket
public class ChatSocketConfig implements WebSocketConfigurer {

    private final ChatSocketHandler handler;

    public ChatSocketConfig(ChatSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Mobile apps send no browser Origin, or one of their own: any origin may connect; the token authenticates.
        registry.addHandler(handler, "/douyin/message/ws/", "/douyin/message/ws").setAllowedOriginPatterns("*");
    }
}
