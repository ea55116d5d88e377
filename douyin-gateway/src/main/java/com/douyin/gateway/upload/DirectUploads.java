package com.douyin.gateway.upload;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.common.storage.ObjectStore;
import com.douyin.common.storage.SignedUpload;
import com.douyin.gateway.config.MediaProperties;
import com.douyin.gateway.config.UploadProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.stereotype.Component;

/**
 * Videos that clients upload straight to the object store: a credential for one new key (the
 * store's presigned PUT, or with the local store the gateway's own signed URL), receiving such
 * a PUT at the gateway, and the checks before a key is published. The size limit is the
 * multipart upload's ({@code spring.servlet.multipart.max-file-size}), so both ways allow the same.
 */
@Component
public class DirectUploads {

    /** The gateway's route that receives uploads to the local store (see SignedUploadController). */
    public static final String UPLOAD_PATH = "/douyin/upload/";

    private final ObjectStore store;
    private final UploadUrlSigner signer;
    private final Duration ttl;
    private final long maxBytes;
    private final String publicBaseUrl;

    public DirectUploads(ObjectStore store, UploadProperties upload, MultipartProperties multipart, MediaProperties media) {
        this.store = store;
        this.signer = new UploadUrlSigner(upload.signingSecret(), Clock.systemUTC());
        this.ttl = upload.urlTtl();
        this.maxBytes = multipart.getMaxFileSize().toBytes();
        this.publicBaseUrl = media.publicBaseUrl();
    }

    public UploadCredential issue(long userId, VideoContainer container) {
        String key = VideoObjectKey.issue(userId, container).toString();
        Instant expiresAt = Instant.now().plus(ttl).truncatedTo(ChronoUnit.MILLIS);
        SignedUpload upload = store.signUpload(key, container.contentType(), expiresAt)
                .orElseGet(() -> throughGateway(key, container, expiresAt));
        return new UploadCredential(key, upload, expiresAt, maxBytes);
    }

    private SignedUpload throughGateway(String key, VideoContainer container, Instant expiresAt) {
        long expiresAtMs = expiresAt.toEpochMilli();
        URI url = URI.create(publicBaseUrl + UPLOAD_PATH + key + "?expires=" + expiresAtMs
                + "&signature=" + signer.sign(key, expiresAtMs));
        return new SignedUpload(url, Map.of("Content-Type", container.contentType()));
    }

    /**
     * A PUT to one of the gateway's signed URLs: stored once (a second PUT could otherwise swap
     * a published, checked file for anything), never more than the limit, nothing kept of a
     * body that fails or is too large.
     */
    public void receive(String key, String expires, String signature, long contentLength, InputStream body) throws IOException {
        signer.verify(key, expires, signature);
        VideoContainer container = VideoObjectKey.parse(key).container();
        if (contentLength > maxBytes) {
            throw new DouyinException(ErrorCode.UPLOAD_TOO_LARGE);
        }
        if (store.exists(key)) {
            throw new DouyinException(ErrorCode.UPLOAD_URL_USED); // before reading the body
        }
        // Atomically: of two PUTs in flight at once, the later cannot replace the first.
        if (!store.putIfAbsent(key, new SizeCappedInputStream(body, maxBytes), contentLength, container.contentType())) {
            throw new DouyinException(ErrorCode.UPLOAD_URL_USED);
        }
    }

    /**
     * The key the caller may publish: issued to this user, uploaded, within the size limit, and
     * by its first bytes a video of the container its name says (which decides how it is served).
     * An upload that fails the last two checks is removed: it can never be published.
     */
    public String claim(long userId, String objectKey) throws IOException {
        VideoObjectKey key = VideoObjectKey.parse(objectKey.strip());
        if (key.ownerId() != userId) {
            throw new DouyinException(ErrorCode.UPLOAD_OF_ANOTHER_USER);
        }
        String name = key.toString();
        long size = store.size(name).orElseThrow(() -> new DouyinException(ErrorCode.UPLOAD_NOT_FOUND));
        if (size > maxBytes) {
            store.delete(name);
            throw new DouyinException(ErrorCode.UPLOAD_TOO_LARGE);
        }
        VideoContainer actual;
        try (InputStream head = store.get(name)) {
            actual = VideoContainer.detect(head);
        } catch (DouyinException notAVideo) {
            store.delete(name);
            throw notAVideo;
        }
        if (actual != key.container()) {
            store.delete(name);
            throw new DouyinException(ErrorCode.NOT_A_VIDEO, "The upload is a " + actual.extension() + " video, not "
                    + key.container().extension() + ": ask for an upload URL with format=" + actual.extension() + ".");
        }
        return name;
    }
}
