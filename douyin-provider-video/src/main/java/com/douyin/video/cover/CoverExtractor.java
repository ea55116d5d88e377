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
 * bounded before it starts: the demuxer reads at most {@link #PROBE_BYTES} to find the streams,
 * the decoder refuses a picture over {@link #MAX_PIXELS} (8K) before allocating it, the streams'
 * announced size and duration are checked before the first frame is decoded, and the whole
 * extraction gives up after {@link #MAX_TIME} (FFmpeg's interrupt callback stops a read that
 * hangs). A file that still crashes the decoder is kept from crash-looping the cover consumer by
 * {@link CoverService}'s attempt count.
 */
@Component
public class CoverExtractor {

    static final long MAX_PIXELS = 7680L * 4320;
    static final Duration MAX_DURATION = Duration.ofHours(2);
    static final Duration MAX_TIME = Duration.ofSeconds(20);
    private static final long PROBE_BYTES = 10_000_000;
    private static final long COVER_AT_MICROS = 1_000_000;
    private static final int MAX_FRAMES = 300;

    /** Fails with {@link UnreadableVideoException} when FFmpeg cannot decode the file within bounds. */
    public byte[] extractJpeg(Path video) throws IOException {
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.setOption("probesize", String.valueOf(PROBE_BYTES));
            grabber.setOption("analyzeduration", "5000000"); // microseconds of the file examined
            grabber.setVideoOption("max_pixels", String.valueOf(MAX_PIXELS));
            grabber.setVideoOption("threads", "1"); // one decoding thread: bounded memory, no pool per file
            grabber.setTimeout((int) MAX_TIME.toMillis());
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new UnreadableVideoException("FFmpeg refused to open " + video.getFileName()
                        + " (not a video it reads, or pictures over 8K): " + e.getMessage());
            }
            checkAnnounced(grabber, video);
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

    /** Refuses what the container announces before any picture is decoded: no video, absurd size or length. */
    private static void checkAnnounced(FFmpegFrameGrabber grabber, Path video) throws UnreadableVideoException {
        long width = grabber.getImageWidth();
        long height = grabber.getImageHeight();
        if (width <= 0 || height <= 0) {
            throw new UnreadableVideoException("no video stream in " + video.getFileName());
        }
        if (width * height > MAX_PIXELS) {
            throw new UnreadableVideoException(video.getFileName() + " announces " + width + "x" + height + " pictures");
        }
        if (grabber.getLengthInTime() > MAX_DURATION.toNanos() / 1000) {
            throw new UnreadableVideoException(video.getFileName() + " announces " + grabber.getLengthInTime() / 1_000_000 + " s");
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
