package com.douyin.gateway.web;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.gateway.json.StatusResponse;
import com.douyin.gateway.upload.DirectUploads;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local store's upload URLs: {@code PUT /douyin/upload/OBJECT_KEY?expires=&signature=} with
 * the file as the body. It stands in for an object store's presigned PUT, so unlike the API
 * routes every failure answers a non-2xx status (uploaders of stores read the status, not a
 * body): 403 invalid or expired URL, 409 already uploaded, 413 too large, 500 not stored.
 */
@RestController
public class SignedUploadController {

    private static final Logger log = LoggerFactory.getLogger(SignedUploadController.class);

    private final DirectUploads uploads;

    public SignedUploadController(DirectUploads uploads) {
        this.uploads = uploads;
    }

    @PutMapping(DirectUploads.UPLOAD_PATH + "{*key}")
    public StatusResponse upload(@PathVariable String key, HttpServletRequest request) throws IOException {
        uploads.receive(key.substring(1), RequestParams.optional(request, "expires"),
                RequestParams.optional(request, "signature"), request.getContentLengthLong(), request.getInputStream());
        return new StatusResponse(0, "Uploaded.");
    }

    @ExceptionHandler(DouyinException.class)
    ResponseEntity<StatusResponse> refused(DouyinException e) {
        HttpStatus status = switch (e.errorCode()) {
            case UPLOAD_URL_INVALID, UPLOAD_URL_EXPIRED -> HttpStatus.FORBIDDEN;
            case UPLOAD_URL_USED -> HttpStatus.CONFLICT;
            case UPLOAD_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(new StatusResponse(e.errorCode().code(), e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<StatusResponse> notStored(Exception e, HttpServletRequest request) {
        log.warn("Upload to {} failed: {}", request.getRequestURI(), e.toString());
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new StatusResponse(ErrorCode.INTERNAL_ERROR.code(), "The upload was not stored, please try again."));
    }
}
