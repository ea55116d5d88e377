package com.douyin.gateway.json;

import java.util.List;

/** {@code GET /douyin/message/chat/}. */
public record MessageListResponse(int statusCode, String statusMsg, List<MessageJson> messageList) implements ApiResponse {
}
