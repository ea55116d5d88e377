package com.douyin.gateway.json;

import java.util.List;

/** {@code GET /douyin/relation/friend/list/}. */
public record FriendListResponse(int statusCode, String statusMsg, List<FriendUserJson> userList) implements ApiResponse {
}
