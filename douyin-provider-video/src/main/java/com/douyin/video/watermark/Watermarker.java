package com.douyin.video.watermark;

import com.douyin.video.cover.CoverExtractor.UnreadableVideoException;
import com.douyin.video.cover.DecodingLimits;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.springframework.stereotype.Component;

/**
 * A copy of a video with a watermark in its lower right corner (the app's name over {@code
 * @author}), made by FFmpeg through JavaCV: each picture decoded, the text drawn on it, encoded
 * again (H.264 where this FFmpeg has an encoder for it, else MPEG-4); the sound decoded and encoded
 * again as AAC, at the same timestamps, so the copy lasts as long as the original.
 *
 * <p>Re-encoding costs far more than taking a cover, so the bounds are tighter (decoding is bounded
 * as the cover's, {@link DecodingLimits}): pictures up to 1080p (a phone's), up to {@link
 * #MAX_DURATION}, and the whole copy gives up after {@link #MAX_TIME}; one frame in memory at a
 * time, one encoding thread. A file outside the bounds, or that FFmpeg cannot read, is refused
 * ({@link UnreadableVideoException}): the video keeps playing its original.
 */
@Component
public class Watermarker {

    static final long MAX_PIXELS = 1920L * 1080;
    static final Duration MAX_DURATION = Duration.ofMinutes(3);
    static final Duration MAX_TIME = Duration.ofMinutes(5);
    static final String APP_NAME = "Douyin";
    private static final int AUDIO_BITRATE = 128_000;

    /** Writes {@code source} watermarked with {@code @author} to {@code target} (an .mp4). */
    public void watermark(Path source, Path target, String author) throws IOException {
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            DecodingLimits.start(grabber, source, MAX_PIXELS, MAX_DURATION, MAX_TIME);
            try (FFmpegFrameRecorder recorder = recorderFor(grabber, target)) {
                recorder.start();
                Frame frame;
                while ((frame = grabber.grab()) != null) {
                    if (System.nanoTime() > deadline) {
                        throw new UnreadableVideoException(source.getFileName() + " took over " + MAX_TIME.toSeconds() + " s to watermark");
                    }
                    if (frame.image != null) {
                        BufferedImage picture = converter.convert(frame); // the converter's own buffer, drawn on in place
                        draw(picture, author);
                        recorder.setTimestamp(frame.timestamp);
                        recorder.record(converter.convert(picture));
                    } else if (frame.samples != null) {
                        recorder.record(frame);
                    }
                }
                recorder.stop();
            }
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new UnreadableVideoException("FFmpeg could not watermark " + source.getFileName() + ": " + e.getMessage());
        }
    }

    private static FFmpegFrameRecorder recorderFor(FFmpegFrameGrabber grabber, Path target) {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), grabber.getImageWidth(), grabber.getImageHeight(),
                grabber.getAudioChannels());
        recorder.setFormat("mp4");
        recorder.setVideoCodec(avcodec.avcodec_find_encoder(avcodec.AV_CODEC_ID_H264) != null
                ? avcodec.AV_CODEC_ID_H264 : avcodec.AV_CODEC_ID_MPEG4);
        recorder.setFrameRate(grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 30);
        recorder.setVideoBitrate(Math.max(grabber.getVideoBitrate(), 1_000_000));
        recorder.setVideoOption("threads", "1");
        if (grabber.getAudioChannels() > 0) {
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(grabber.getSampleRate());
            recorder.setAudioBitrate(AUDIO_BITRATE);
        }
        return recorder;
    }

    /** The app's name over {@code @author}, white with a dark outline, in the lower right corner. */
    static void draw(BufferedImage picture, String author) {
        int height = picture.getHeight();
        int size = Math.max(8, height / 18);
        Graphics2D g = picture.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.85f));
            String[] lines = {APP_NAME, "@" + author};
            Font bold = new Font(Font.SANS_SERIF, Font.BOLD, size);
            Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(6, size * 4 / 5));
            int margin = Math.max(2, size / 2);
            int y = height - margin;
            for (int k = lines.length - 1; k >= 0; k--) {
                g.setFont(k == 0 ? bold : plain);
                FontMetrics metrics = g.getFontMetrics();
                int x = picture.getWidth() - margin - metrics.stringWidth(lines[k]);
                g.setColor(new Color(0, 0, 0, 160));
                g.drawString(lines[k], x + 1, y + 1);
                g.setColor(Color.WHITE);
                g.drawString(lines[k], x, y);
                y -= metrics.getHeight();
            }
        } finally {
            g.dispose();
        }
    }
}
