package com.douyin.gateway.json;

import java.util.Map;

/**
 * GET /douyin/upload/token/: PUT the file to {@code uploadUrl} with exactly {@code headers}
 * before {@code expiresAt} (epoch ms), at most {@code maxBytes}; then publish {@code objectKey}.
 */
public record UploadTokenResponse(int statusCode, String statusMsg, String objectKey, String uploadUrl, String method,
                                  Map<String, String> headers, long expiresAt, long maxBytes) implements ApiResponse {
}
