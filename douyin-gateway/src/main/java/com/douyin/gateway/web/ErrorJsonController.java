package com.douyin.gateway.web;

import com.douyin.api.common.ErrorCode;
import com.douyin.gateway.json.StatusResponse;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Failures outside any controller (the servlet container's error page) answer the contract's JSON too. */
@RestController
public class ErrorJsonController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<StatusResponse> error(HttpServletRequest request) {
        Object raw = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = raw instanceof Integer code && HttpStatus.resolve(code) != null
                ? HttpStatus.valueOf(code) : HttpStatus.INTERNAL_SERVER_ERROR;
        ErrorCode error = switch (status) {
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case PAYLOAD_TOO_LARGE -> ErrorCode.UPLOAD_TOO_LARGE;
            case TOO_MANY_REQUESTS -> ErrorCode.TOO_MANY_REQUESTS;
            default -> status.is4xxClientError() ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
        // The contract answers server-side failures with HTTP 200 and a non-zero status_code.
        HttpStatus answered = status.is5xxServerError() ? HttpStatus.OK : status;
        return ResponseEntity.status(answered).body(new StatusResponse(error.code(), error.message()));
    }
}
