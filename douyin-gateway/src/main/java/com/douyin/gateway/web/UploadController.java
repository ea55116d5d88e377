package com.douyin.gateway.web;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.video.VideoService;
import com.douyin.gateway.auth.ViewerAuthenticator;
import com.douyin.gateway.json.UploadTokenResponse;
import com.douyin.gateway.upload.DirectUploads;
import com.douyin.gateway.upload.UploadCredential;
import com.douyin.gateway.upload.VideoContainer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Credentials for uploading a video straight to the object store (then publish its object_key). */
@RestController
public class UploadController {

    @Autowired // ProviderReferences
    private VideoService videos;

    private final ViewerAuthenticator auth;
    private final DirectUploads uploads;

    public UploadController(ViewerAuthenticator auth, DirectUploads uploads) {
        this.auth = auth;
        this.uploads = uploads;
    }

    @GetMapping({"/douyin/upload/token/", "/douyin/upload/token"})
    public UploadTokenResponse token(HttpServletRequest request) {
        long userId = auth.requireViewer(request);
        String format = RequestParams.optional(request, "format");
        VideoContainer container = VideoContainer.ofExtension(format == null || format.isBlank() ? "mp4" : format.strip())
                .orElseThrow(() -> new DouyinException(ErrorCode.BAD_REQUEST, "format must be mp4, mov or webm."));
        UploadCredential credential = uploads.issue(userId, container);
        // Recorded before the client can upload: a file never published is deleted later.
        videos.expectUpload(userId, credential.objectKey(), credential.expiresAt().toEpochMilli());
        return new UploadTokenResponse(0, "success", credential.objectKey(), credential.upload().url().toString(), "PUT",
                credential.upload().headers(), credential.expiresAt().toEpochMilli(), credential.maxBytes());
    }
}
