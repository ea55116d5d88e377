package com.douyin.gateway.upload;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a video container by its first bytes, not its file name: ISO base media (MP4,
 * MOV: a box whose type is ftyp, or an old QuickTime moov/mdat/wide/free box) and WebM
 * (the EBML magic number).
 */
public enum VideoContainer {
    MP4("mp4", "video/mp4"),
    MOV("mov", "video/quicktime"),
    WEBM("webm", "video/webm");

    private static final Set<String> QUICKTIME_BOXES = Set.of("moov", "mdat", "wide", "free");

    private final String extension;
    private final String contentType;

    VideoContainer(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The container whose file extension is {@code extension} ("mp4", "mov", "webm"), if any. */
    public static Optional<VideoContainer> ofExtension(String extension) {
        return Arrays.stream(values()).filter(c -> c.extension.equals(extension)).findFirst();
    }

    /** Reads the first 12 bytes; NOT_A_VIDEO if they are no known container. */
    public static VideoContainer detect(InputStream in) throws IOException {
        byte[] head = in.readNBytes(12);
        if (head.length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45
                && (head[2] & 0xFF) == 0xDF && (head[3] & 0xFF) == 0xA3) {
            return WEBM;
        }
        if (head.length >= 12) {
            String box = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
            if (box.equals("ftyp")) {
                String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
                return brand.equals("qt  ") ? MOV : MP4;
            }
            if (QUICKTIME_BOXES.contains(box)) {
                return MOV;
            }
        }
        throw new DouyinException(ErrorCode.NOT_A_VIDEO);
    }
}
