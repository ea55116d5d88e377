package com.douyin.video.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.douyin.video.cover.CoverExtractor.UnreadableVideoException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watermarks made by the real FFmpeg (JavaCV) from a real MP4 with pictures and sound, made here. */
class WatermarkerTest {

    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;
    private static final int FPS = 25;
    private static final int SAMPLE_RATE = 44_100;

    private final Watermarker watermarker = new Watermarker();
    @TempDir Path dir;

    @Test
    void theCopyDecodesLastsAsLongAndDiffersInTheCornerOnly() throws Exception {
        Path original = dir.resolve("original.mp4");
        record(original, 2.0);
        Path copy = dir.resolve("copy.mp4");
        watermarker.watermark(original, copy, "alice");

        assertThat(durationSeconds(copy)).as("the copy's duration, s").isCloseTo(durationSeconds(original), within(0.1));
        BufferedImage before = pictureAt(original, 1_000_000);
        BufferedImage after = pictureAt(copy, 1_000_000);
        assertThat(after.getWidth()).isEqualTo(WIDTH);
        assertThat(after.getHeight()).isEqualTo(HEIGHT);
        double corner = meanDifference(before, after, WIDTH * 2 / 3, HEIGHT * 3 / 4, WIDTH, HEIGHT);
        double elsewhere = meanDifference(before, after, 0, 0, WIDTH / 2, HEIGHT / 2);
        assertThat(corner).as("mean difference in the lower right corner (the watermark)").isGreaterThan(8);
        assertThat(elsewhere).as("mean difference in the upper left quarter (re-encoding only)").isLessThan(4);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(copy.toFile())) {
            grabber.start();
            assertThat(grabber.getAudioChannels()).as("the sound is kept").isEqualTo(1);
        }
    }

    @Test
    void aFileThatIsNoVideoIsRefused() throws Exception {
        Path garbage = dir.resolve("garbage.mp4");
        Files.write(garbage, "not a video at all".repeat(100).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> watermarker.watermark(garbage, dir.resolve("out.mp4"), "bob"))
                .isInstanceOf(UnreadableVideoException.class);
    }

    @Test
    void picturesOverTheBoundAreRefusedBeforeDecoding() throws Exception {
        // A raw YUV stream announcing 4K pictures: a cover is taken from it, a watermark is not (over 1080p).
        byte[] header = "YUV4MPEG2 W3840 H2160 F25:1 Ip A1:1 C420jpeg\nFRAME\n".getBytes(StandardCharsets.US_ASCII);
        Path uhd = dir.resolve("uhd.y4m");
        Files.write(uhd, Arrays.copyOf(header, header.length + 3840 * 2160 * 3 / 2));
        Path out = dir.resolve("out.mp4");
        assertThatThrownBy(() -> watermarker.watermark(uhd, out, "carol"))
                .isInstanceOf(UnreadableVideoException.class).hasMessageContaining("refused to open"); // the decoder's max_pixels
        assertThat(out).doesNotExist();
    }

    /** A real MP4: moving colour bands and a 440 Hz tone, {@code seconds} long. */
    private static void record(Path file, double seconds) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, 1);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.avcodec_find_encoder(avcodec.AV_CODEC_ID_H264) != null
                    ? avcodec.AV_CODEC_ID_H264 : avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(FPS);
            recorder.setVideoBitrate(2_000_000);
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.start();
            int frames = (int) Math.round(seconds * FPS);
            int samplesPerFrame = SAMPLE_RATE / FPS;
            for (int f = 0; f < frames; f++) {
                BufferedImage picture = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = picture.createGraphics();
                for (int band = 0; band < 8; band++) {
                    g.setColor(new Color((band * 30 + f * 3) % 256, (band * 50) % 256, (200 - band * 20) % 256));
                    g.fillRect(band * WIDTH / 8, 0, WIDTH / 8, HEIGHT);
                }
                g.dispose();
                recorder.record(converter.convert(picture));
                short[] tone = new short[samplesPerFrame];
                for (int s = 0; s < tone.length; s++) {
                    tone[s] = (short) (8_000 * Math.sin(2 * Math.PI * 440 * (f * samplesPerFrame + s) / SAMPLE_RATE));
                }
                recorder.recordSamples(SAMPLE_RATE, 1, ShortBuffer.wrap(tone));
            }
            recorder.stop();
        }
    }

    private static double durationSeconds(Path file) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            long last = 0;
            int pictures = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) { // decodes every picture: the file is whole
                last = frame.timestamp;
                pictures++;
            }
            assertThat(pictures).as("pictures decoded from " + file.getFileName()).isGreaterThan(0);
            return Math.max(grabber.getLengthInTime(), last) / 1e6;
        }
    }

    private static BufferedImage pictureAt(Path file, long micros) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (frame.timestamp >= micros) {
                    BufferedImage picture = converter.convert(frame);
                    BufferedImage copy = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
                    copy.getGraphics().drawImage(picture, 0, 0, null);
                    return copy;
                }
            }
            throw new AssertionError("no picture at " + micros + " us in " + file.getFileName());
        }
    }

    /** The mean absolute difference of the RGB channels over a rectangle. */
    private static double meanDifference(BufferedImage a, BufferedImage b, int x0, int y0, int x1, int y1) {
        long sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * (x1 - x0) * (y1 - y0));
    }
}
