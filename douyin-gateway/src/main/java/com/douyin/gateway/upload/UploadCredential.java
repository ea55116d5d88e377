package com.douyin.gateway.upload;

import com.douyin.common.storage.SignedUpload;
import java.time.Instant;

/** What a client needs to upload one video itself: the key to publish later and the signed PUT. */
public record UploadCredential(String objectKey, SignedUpload upload, Instant expiresAt, long maxBytes) {
}
