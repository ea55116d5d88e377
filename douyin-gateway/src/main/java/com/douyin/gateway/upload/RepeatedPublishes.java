package com.douyin.gateway.upload;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Names the file of an uploaded publish so that a publish sent again is the same publish (the
 * video provider answers the video already published with a file instead of making a second):
 * <ul>
 *   <li>with the client's {@code idempotency_key}, the name follows from the user and that key;</li>
 *   <li>without one, the same user sending the same bytes within {@link #SAME_BYTES_WINDOW} gets
 *       the name the first one got (remembered in Redis by the bytes' SHA-256).</li>
 * </ul>
 * Without Redis, a publish without a key gets a new name: a retry may then make a second video,
 * but a publish never fails for it.
 */
@Component
public class RepeatedPublishes {

    static final Duration SAME_BYTES_WINDOW = Duration.ofMinutes(10);
    private static final int LONGEST_KEY = 128;
    private static final Logger log = LoggerFactory.getLogger(RepeatedPublishes.class);

    private final RedissonClient redisson;

    public RepeatedPublishes(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /**
     * A publish's file name; {@code mayBeShared}: another publish may have been given it too (a
     * repeat), so a refusal must not delete the file, which may be the earlier publish's.
     */
    public record FileName(UUID uuid, boolean mayBeShared) {
    }

    /** The file name of a publish by {@code userId} with the client's key (null or blank: none) and these bytes. */
    public FileName nameOf(long userId, String idempotencyKey, InputStream bytes) throws IOException {
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            if (idempotencyKey.length() > LONGEST_KEY) {
                throw new DouyinException(ErrorCode.BAD_REQUEST, "idempotency_key is longer than " + LONGEST_KEY + " characters.");
            }
            return new FileName(UUID.nameUUIDFromBytes(("publish:" + userId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8)), true);
        }
        UUID fresh = UUID.randomUUID();
        String digest = sha256(bytes);
        try {
            RBucket<String> first = redisson.getBucket("publish:recent:" + userId + ":" + digest, StringCodec.INSTANCE);
            if (first.setIfAbsent(fresh.toString(), SAME_BYTES_WINDOW)) {
                return new FileName(fresh, true); // a repeat arriving now gets it too
            }
            String earlier = first.get();
            return new FileName(earlier == null ? fresh : UUID.fromString(earlier), true); // null: it expired just now
        } catch (RedisException e) {
            log.warn("Cannot tell a repeated publish without Redis; publishing as new: {}", e.toString());
            return new FileName(fresh, false);
        }
    }

    private static String sha256(InputStream bytes) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream in = new DigestInputStream(bytes, sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
