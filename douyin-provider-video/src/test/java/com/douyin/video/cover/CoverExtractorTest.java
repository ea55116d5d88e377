package com.douyin.video.cover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.common.testing.SampleVideo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Covers made by the real FFmpeg (JavaCV), from a real MP4 and from files crafted to hurt a decoder. */
class CoverExtractorTest {

    private final CoverExtractor extractor = new CoverExtractor();
    @TempDir Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aRealVideoGivesAJpegOfItsSize() throws Exception {
        byte[] jpeg = extractor.extractJpeg(file("sample.mp4", SampleVideo.mp4()));
        BufferedImage cover = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(cover.getWidth()).isEqualTo(64);
        assertThat(cover.getHeight()).isEqualTo(64);
    }

    @Test
    void aTruncatedVideoIsUnreadable() throws Exception {
        byte[] video = SampleVideo.mp4();
        Path truncated = file("truncated.mp4", Arrays.copyOf(video, 600));
        assertThatThrownBy(() -> extractor.extractJpeg(truncated)).isInstanceOf(CoverExtractor.UnreadableVideoException.class);
    }

    @Test
    void aPictureOfAbsurdSizeIsRefusedBeforeItIsAllocated() throws Exception {
        // A raw YUV stream whose header announces 16000 x 16000 pictures: 384 MB for one frame, 256 megapixels.
        byte[] header = "YUV4MPEG2 W16000 H16000 F25:1 Ip A1:1 C420jpeg\nFRAME\n".getBytes(StandardCharsets.US_ASCII);
        byte[] video = Arrays.copyOf(header, header.length + 1_000_000);
        Path huge = file("huge.y4m", video);
        long started = System.nanoTime();
        assertThatThrownBy(() -> extractor.extractJpeg(huge)).isInstanceOf(CoverExtractor.UnreadableVideoException.class)
                .hasMessageContaining("refused to open"); // at the decoder's opening, before any picture is allocated
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms, refused rather than timed out")
                .isLessThan(CoverExtractor.MAX_TIME.toMillis());
    }

    @Test
    void garbageAfterAValidHeaderIsUnreadableWithoutHurtingTheProvider() throws Exception {
        byte[] video = SampleVideo.mp4();
        byte[] garbled = Arrays.copyOf(video, video.length);
        byte[] noise = new byte[video.length - 64];
        new Random(7).nextBytes(noise);
        System.arraycopy(noise, 0, garbled, 64, noise.length); // the file type box stays, the rest is noise
        Path bad = file("garbled.mp4", garbled);
        assertThatThrownBy(() -> extractor.extractJpeg(bad)).isInstanceOf(CoverExtractor.UnreadableVideoException.class);

        // and the next, good file is served as before: nothing of the bad one stayed behind
        assertThat(extractor.extractJpeg(file("after.mp4", video))).isNotEmpty();
    }
}
