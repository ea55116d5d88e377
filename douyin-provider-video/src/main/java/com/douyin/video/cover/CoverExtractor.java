package com.douyin.video.cover;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.springframework.stereotype.Component;

/**
 * A JPEG cover from a video file, decoded by FFmpeg through JavaCV (phones record HEVC, which
 * pure-Java decoders cannot read). Takes the frame at one second, or the last one of a shorter
 * video, so the cover is rarely the black first frame.
 *
 * <p>An uploaded file is anybody's bytes, and FFmpeg decodes it inside this JVM, so the work is
 * bounded before it starts ({@link DecodingLimits}): the decoder refuses a picture over {@link
 * #MAX_PIXELS} (8K) before allocating it, the streams' announced size and duration are checked
 * before the first frame is decoded, and the whole
 * extraction gives up after {@link #MAX_TIME} (FFmpeg's interrupt callback stops a read that
 * hangs). A file that still crashes the decoder is kept from crash-looping the cover consumer by
 * {@link CoverService}'s attempt count.
 */
@Component
public class CoverExtractor {

    static final long MAX_PIXELS = 7680L * 4320;
    static final Duration MAX_DURATION = Duration.ofHours(2);
    static final Duration MAX_TIME = Duration.ofSeconds(20);
    private static final long COVER_AT_MICROS = 1_000_000;
    private static final int MAX_FRAMES = 300;

    /** Fails with {@link UnreadableVideoException} when FFmpeg cannot decode the file within bounds. */
    public byte[] extractJpeg(Path video) throws IOException {
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            DecodingLimits.start(grabber, video, MAX_PIXELS, MAX_DURATION, MAX_TIME);
            BufferedImage chosen = null;
            for (int i = 0; i < MAX_FRAMES && System.nanoTime() < deadline; i++) {
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    break;
                }
                chosen = deepCopy(converter.convert(frame)); // the converter reuses its buffer
                if (frame.timestamp >= COVER_AT_MICROS) {
                    break;
                }
            }
            if (chosen == null) {
                throw new UnreadableVideoException("no picture in " + video.getFileName());
            }
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(toRgb(chosen), "jpg", jpeg);
            return jpeg.toByteArray();
        } catch (FrameGrabber.Exception e) {
            throw new UnreadableVideoException(e.getMessage());
        }
    }

    private static BufferedImage deepCopy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        copy.getGraphics().drawImage(image, 0, 0, null);
        return copy;
    }

    private static BufferedImage toRgb(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        return rgb;
    }

    /** The file is not a video FFmpeg can decode within bounds: retrying will not help. */
    public static class UnreadableVideoException extends IOException {
        public UnreadableVideoException(String message) {
            super(message);
        }
    }
}
