package com.douyin.gateway.upload;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Recognises a profile image by its first bytes, not its file name: JPEG, PNG or WebP. */
public enum ImageFormat {
    JPEG("jpg", "image/jpeg"),
    PNG("png", "image/png"),
    WEBP("webp", "image/webp");

    /** The largest avatar or background image accepted. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String extension;
    private final String contentType;

    ImageFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** Reads the first 12 bytes; IMAGE_INVALID if they are none of the three. */
    public static ImageFormat detect(InputStream in) throws IOException {
        byte[] head = in.readNBytes(12);
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (head.length >= 8 && Arrays.equals(head, 0, 8, PNG_SIGNATURE, 0, 8)) {
            return PNG;
        }
        if (head.length >= 12 && new String(head, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                && new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
            return WEBP;
        }
        throw new DouyinException(ErrorCode.IMAGE_INVALID);
    }
}
