package com.douyin.gateway.web;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.gateway.config.JsonCharsetConfig;
import com.douyin.gateway.json.FailureResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where failures become the contract's JSON. A failure answers HTTP 200 with a
 * non-zero status_code, except 413 (upload too large) and 429 (rate limited); routes that do
 * not exist answer 404/405 with the same JSON. No stack trace ever reaches the client.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(DouyinException.class)
    ResponseEntity<Object> apiFailure(DouyinException e, HttpServletRequest request) {
        HttpStatus status = switch (e.errorCode()) {
            case UPLOAD_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.OK;
        };
        return respond(status, request, e.errorCode(), e.getMessage());
    }

    @ExceptionHandler(RpcException.class)
    ResponseEntity<Object> providerUnavailable(RpcException e, HttpServletRequest request) {
        log.warn("RPC failed on {}: {}", request.getRequestURI(), e.getMessage());
        return respond(HttpStatus.OK, request, ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE.message());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(HttpStatus.PAYLOAD_TOO_LARGE, request, ErrorCode.UPLOAD_TOO_LARGE, ErrorCode.UPLOAD_TOO_LARGE.message());
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Object> noSuchRoute(Exception e) {
        return respond(HttpStatus.NOT_FOUND, null, ErrorCode.NOT_FOUND, ErrorCode.NOT_FOUND.message());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, null, ErrorCode.BAD_REQUEST,
                "This route does not accept " + e.getMethod() + ".");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {}", request.getRequestURI(), e);
        return respond(HttpStatus.OK, request, ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.message());
    }

    /** Answers with the failing route's own response type when the route is known. */
    private static ResponseEntity<Object> respond(HttpStatus status, HttpServletRequest request, ErrorCode code, String message) {
        if (request != null) {
            request.setAttribute(AccessLogFilter.FAILURE_CODE, code.code());
        }
        Object handler = request == null ? null : request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        Class<?> bodyType = handler instanceof HandlerMethod method ? FailureResponses.bodyTypeOf(method.getMethod()) : null;
        // JSON whatever the client accepts: an EventSource asks for text/event-stream only, and
        // would otherwise get no body at all for a refusal of the streamed assistant's route.
        return ResponseEntity.status(status).contentType(JsonCharsetConfig.JSON_UTF8)
                .body(FailureResponses.of(bodyType, code.code(), message));
    }
}
