package com.douyin.api.common;

/**
 * A failure the client should see as {@code status_code}/{@code status_msg}.
 * It lives in the API jar so that Dubbo passes it from provider to gateway unchanged.
 */
public class DouyinException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    public DouyinException(ErrorCode errorCode) {
        this(errorCode, errorCode.message());
    }

    public DouyinException(ErrorCode errorCode, String message) {
        // No stack trace: these are expected outcomes, thrown often, and never logged as errors.
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
