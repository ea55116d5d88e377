package com.douyin.gateway.json;

/**
 * A response body of the client's contract: a record whose first two components are
 * {@code statusCode} and {@code statusMsg}. Failures are answered with the same record type,
 * every other field at its empty value (see {@link FailureResponses}).
 */
public interface ApiResponse {

    int statusCode();

    String statusMsg();
}
