package com.douyin.gateway.upload;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the gateway's own upload URLs (the local store's stand-in for an OSS
 * presigned PUT): HMAC-SHA256 over the method, the object key and the expiry. The key names its
 * owner (videos/USERID/...), so the signature binds the upload to that user as well.
 */
public final class UploadUrlSigner {

    private final SecretKeySpec secret;
    private final Clock clock;

    public UploadUrlSigner(String secret, Clock clock) {
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** The signature of a PUT of {@code key} until {@code expiresAtMs} (epoch ms), URL-safe Base64. */
    public String sign(String key, long expiresAtMs) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] digest = mac.doFinal(("PUT\n" + key + "\n" + expiresAtMs).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * Throws UPLOAD_URL_INVALID unless {@code signature} is ours for this key and expiry, then
     * UPLOAD_URL_EXPIRED once the expiry has passed. The signature is checked first, so a URL
     * whose expiry was edited is invalid, not merely expired.
     */
    public void verify(String key, String expires, String signature) {
        long expiresAtMs;
        try {
            expiresAtMs = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw new DouyinException(ErrorCode.UPLOAD_URL_INVALID);
        }
        byte[] expected = sign(key, expiresAtMs).getBytes(StandardCharsets.US_ASCII);
        if (signature == null || !MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new DouyinException(ErrorCode.UPLOAD_URL_INVALID);
        }
        if (clock.millis() >= expiresAtMs) {
            throw new DouyinException(ErrorCode.UPLOAD_URL_EXPIRED);
        }
    }
}
