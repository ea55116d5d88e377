package com.douyin.gateway.json;

/** A response with nothing but the status (publish, like, follow, send). */
public record StatusResponse(int statusCode, String statusMsg) implements ApiResponse {

    public static StatusResponse ok() {
        return new StatusResponse(0, "success");
    }
}
