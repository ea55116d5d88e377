package com.douyin.common.storage;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.ClientException;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSErrorCode;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Objects in an Aliyun OSS bucket, through the official SDK. */
public final class OssObjectStore implements ObjectStore, AutoCloseable {

    private static final String FORBID_OVERWRITE = "x-oss-forbid-overwrite";

    private final OSS oss;
    private final String bucket;

    public OssObjectStore(StorageProperties.Oss properties) {
        if (properties == null || properties.endpoint() == null || properties.bucket() == null) {
            throw new IllegalArgumentException("douyin.storage.oss.endpoint and .bucket are required for type oss");
        }
        ClientBuilderConfiguration configuration = new ClientBuilderConfiguration();
        configuration.setSLDEnabled(properties.pathStyle());
        this.oss = new OSSClientBuilder().build(properties.endpoint(), properties.accessKeyId(),
                properties.accessKeySecret(), configuration);
        this.bucket = properties.bucket();
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentLength(length);
        metadata.setContentType(contentType);
        try {
            oss.putObject(bucket, key, content, metadata);
        } catch (OSSException | ClientException e) {
            throw new IOException("OSS put of " + key + " failed: " + e.getMessage(), e);
        }
    }

    /** OSS refuses the PUT itself ({@code x-oss-forbid-overwrite}) when the object exists. */
    @Override
    public boolean putIfAbsent(String key, InputStream content, long length, String contentType) throws IOException {
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentLength(length);
        metadata.setContentType(contentType);
        metadata.setHeader("x-oss-forbid-overwrite", "true");
        try {
            oss.putObject(bucket, key, content, metadata);
            return true;
        } catch (OSSException e) {
            if ("FileAlreadyExists".equals(e.getErrorCode())) {
                return false;
            }
            throw new IOException("OSS put of " + key + " failed: " + e.getMessage(), e);
        } catch (ClientException e) {
            throw new IOException("OSS put of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String key) {
        return oss.doesObjectExist(bucket, key);
    }

    @Override
    public OptionalLong size(String key) {
        try {
            return OptionalLong.of(oss.getObjectMetadata(bucket, key).getContentLength());
        } catch (OSSException e) {
            if (OSSErrorCode.NO_SUCH_KEY.equals(e.getErrorCode())) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    /**
     * Closing it aborts the download rather than reading the rest, as the SDK otherwise does to
     * reuse the connection: a check of a video's first bytes must not pull the whole file.
     */
    @Override
    public InputStream get(String key) throws IOException {
        try {
            OSSObject object = oss.getObject(bucket, key);
            return new FilterInputStream(object.getObjectContent()) {
                @Override
                public void close() throws IOException {
                    object.forcedClose();
                }
            };
        } catch (OSSException | ClientException e) {
            throw new IOException("OSS get of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        oss.deleteObject(bucket, key);
    }

    /**
     * A presigned PUT (signed locally by the SDK with the access key, no call to OSS). The
     * Content-Type and the forbid-overwrite header are part of the signature, so the client must
     * send exactly these; forbidding overwrites keeps a checked, published file from being
     * replaced with the same URL afterwards.
     */
    @Override
    public Optional<SignedUpload> signUpload(String key, String contentType, Instant expiresAt) {
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(bucket, key, HttpMethod.PUT);
        request.setExpiration(Date.from(expiresAt));
        request.setContentType(contentType);
        request.addHeader(FORBID_OVERWRITE, "true");
        try {
            return Optional.of(new SignedUpload(oss.generatePresignedUrl(request).toURI(),
                    Map.of("Content-Type", contentType, FORBID_OVERWRITE, "true")));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("OSS signed an unusable URL for " + key, e);
        }
    }

    @Override
    public void close() {
        oss.shutdown();
    }
}
