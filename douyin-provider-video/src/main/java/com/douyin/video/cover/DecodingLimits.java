package com.douyin.video.cover;

import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

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

    /**
     * Starts {@code grabber} on {@code video} within the bounds: pictures up to {@code maxPixels},
     * announced length up to {@code maxDuration}, a read that hangs given up after {@code maxTime}.
     */
    public static void start(FFmpegFrameGrabber grabber, Path video, long maxPixels, Duration maxDuration, Duration maxTime)
            throws CoverExtractor.UnreadableVideoException {
        bound(grabber, maxPixels, maxTime);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            throw new CoverExtractor.UnreadableVideoException("FFmpeg refused to open " + video.getFileName()
                    + " (not a video it reads, or pictures over " + maxPixels + " pixels): " + e.getMessage());
        }
        checkAnnounced(grabber, video, maxPixels, maxDuration);
    }

    private static void bound(FFmpegFrameGrabber grabber, long maxPixels, Duration maxTime) {
        grabber.setOption("probesize", String.valueOf(PROBE_BYTES));
        grabber.setOption("analyzeduration", "5000000"); // microseconds of the file examined
        grabber.setVideoOption("max_pixels", String.valueOf(maxPixels));
        grabber.setVideoOption("threads", "1"); // one decoding thread: bounded memory, no pool per file
        grabber.setTimeout((int) maxTime.toMillis());
    }

    /** Refuses what the started grabber's container announces: no video, pictures over {@code maxPixels}, over {@code maxDuration}. */
    private static void checkAnnounced(FFmpegFrameGrabber grabber, Path video, long maxPixels, Duration maxDuration)
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
