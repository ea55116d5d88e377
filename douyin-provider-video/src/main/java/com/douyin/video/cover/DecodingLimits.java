package com.douyin.video.cover;

import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * The bounds put on FFmpeg before it decodes an uploaded file inside this JVM (anybody's bytes):
 * how much the demuxer reads to find the streams, the largest picture the decoder allocates, one
 * decoding thread, a read that hangs given up; and, once the container is open, what it
 * announces (no video, absurd size or length) refused before the first frame is decoded.
 */
public final class DecodingLimits {

    private static final long PROBE_BYTES = 10_000_000;

    private DecodingLimits() {
    }

    /** Sets the bounds on a grabber not yet started. */
    public static void bound(FFmpegFrameGrabber grabber, long maxPixels, Duration maxTime) {
        grabber.setOption("probesize", String.valueOf(PROBE_BYTES));
        grabber.setOption("analyzeduration", "5000000"); // microseconds of the file examined
        grabber.setVideoOption("max_pixels", String.valueOf(maxPixels));
        grabber.setVideoOption("threads", "1"); // one decoding thread: bounded memory, no pool per file
        grabber.setTimeout((int) maxTime.toMillis());
    }

    /** Refuses what the started grabber's container announces: no video, pictures over {@code maxPixels}, over {@code maxDuration}. */
    public static void checkAnnounced(FFmpegFrameGrabber grabber, Path video, long maxPixels, Duration maxDuration)
            throws CoverExtractor.UnreadableVideoException {
        long width = grabber.getImageWidth();
        long height = grabber.getImageHeight();
        if (width <= 0 || height <= 0) {
            throw new CoverExtractor.UnreadableVideoException("no video stream in " + video.getFileName());
        }
        if (width * height > maxPixels) {
            throw new CoverExtractor.UnreadableVideoException(video.getFileName() + " announces " + width + "x" + height + " pictures");
        }
        if (grabber.getLengthInTime() > maxDuration.toNanos() / 1000) {
            throw new CoverExtractor.UnreadableVideoException(video.getFileName() + " announces " + grabber.getLengthInTime() / 1_000_000 + " s");
        }
    }
}
