package com.douyin.common.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import org.jcodec.api.awt.AWTSequenceEncoder;

/** A real, small H.264 MP4 (2 s, 64x64) made on the spot with JCodec: no binary is committed. */
public final class SampleVideo {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static byte[] cached;

    private SampleVideo() {
    }

    /**
     * A short real MP4, different bytes on each call (as distinct uploads are: the gateway takes the
     * same bytes sent again by one user as the same publish): the same frames, then a top-level
     * {@code free} box of random bytes, which decoders skip.
     */
    public static byte[] mp4() throws Exception {
        byte[] frames = frames();
        ByteBuffer unique = ByteBuffer.allocate(frames.length + 24).put(frames).putInt(24).put("free".getBytes(StandardCharsets.US_ASCII));
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return unique.put(random).array();
    }

    private static synchronized byte[] frames() throws Exception {
        if (cached == null) {
            File file = File.createTempFile("sample", ".mp4");
            try {
                AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(file, 10);
                for (int frame = 0; frame < 20; frame++) {
                    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
                    Graphics2D g = image.createGraphics();
                    g.setColor(new Color(frame * 12, 80, 240 - frame * 10));
                    g.fillRect(0, 0, 64, 64);
                    g.dispose();
                    encoder.encodeImage(image);
                }
                encoder.finish();
                cached = Files.readAllBytes(file.toPath());
            } finally {
                file.delete();
            }
        }
        return cached;
    }
}
