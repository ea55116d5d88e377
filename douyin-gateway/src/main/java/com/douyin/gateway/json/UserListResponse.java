package com.douyin.gateway.json;

import java.util.List;

/** Follow and follower lists: a list of users. */
public record UserListResponse(int statusCode, String statusMsg, List<UserJson> userList) implements ApiResponse {
}
