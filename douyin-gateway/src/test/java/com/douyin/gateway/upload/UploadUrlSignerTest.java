package com.douyin.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class UploadUrlSignerTest {

    private static final String SECRET = UUID.randomUUID() + "-" + UUID.randomUUID();
    private static final long NOW = 1_780_000_000_000L;
    private static final String KEY = "videos/42/0f8fad5b-d9cb-469f-a165-70867728950e.mp4";

    private final UploadUrlSigner signer = new UploadUrlSigner(SECRET, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DouyinException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    @Test
    void aUrlItSignedIsAcceptedUntilItExpires() {
        long expiresAt = NOW + 1;
        assertThatCode(() -> signer.verify(KEY, Long.toString(expiresAt), signer.sign(KEY, expiresAt))).doesNotThrowAnyException();
    }

    @Test
    void anExpiredUrlIsRefusedAsExpired() {
        assertRefused(() -> signer.verify(KEY, Long.toString(NOW), signer.sign(KEY, NOW)), ErrorCode.UPLOAD_URL_EXPIRED);
        assertRefused(() -> signer.verify(KEY, Long.toString(NOW - 60_000), signer.sign(KEY, NOW - 60_000)), ErrorCode.UPLOAD_URL_EXPIRED);
    }

    @Test
    void anEditedExpiryIsInvalidNotMerelyExpired() {
        String signedForThePast = signer.sign(KEY, NOW - 1000);
        assertRefused(() -> signer.verify(KEY, Long.toString(NOW + 900_000), signedForThePast), ErrorCode.UPLOAD_URL_INVALID);
    }

    @Test
    void aSignatureIsForOneKeyOnly() {
        long expiresAt = NOW + 900_000;
        String signature = signer.sign(KEY, expiresAt);
        String anotherUsersKey = KEY.replace("videos/42/", "videos/43/");
        assertRefused(() -> signer.verify(anotherUsersKey, Long.toString(expiresAt), signature), ErrorCode.UPLOAD_URL_INVALID);
    }

    @Test
    void anotherSecretsSignatureOrNoneOrGarbageIsInvalid() {
        long expiresAt = NOW + 900_000;
        String foreign = new UploadUrlSigner(SECRET + "-other", Clock.systemUTC()).sign(KEY, expiresAt);
        assertRefused(() -> signer.verify(KEY, Long.toString(expiresAt), foreign), ErrorCode.UPLOAD_URL_INVALID);
        assertRefused(() -> signer.verify(KEY, Long.toString(expiresAt), null), ErrorCode.UPLOAD_URL_INVALID);
        assertRefused(() -> signer.verify(KEY, null, signer.sign(KEY, expiresAt)), ErrorCode.UPLOAD_URL_INVALID);
        assertRefused(() -> signer.verify(KEY, "soon", signer.sign(KEY, expiresAt)), ErrorCode.UPLOAD_URL_INVALID);
    }

    @Test
    void signaturesAreUrlSafe() {
        assertThat(signer.sign(KEY, NOW)).matches("[A-Za-z0-9_-]{43}");
    }
}
