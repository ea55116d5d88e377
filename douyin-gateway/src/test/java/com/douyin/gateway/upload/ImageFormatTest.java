package com.douyin.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    private static ImageFormat detect(byte[] head) throws Exception {
        return ImageFormat.detect(new ByteArrayInputStream(head));
    }

    @Test
    void jpegPngAndWebpAreRecognisedByTheirBytes() throws Exception {
        assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10})).isEqualTo(ImageFormat.JPEG);
        assertThat(detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13})).isEqualTo(ImageFormat.PNG);
        assertThat(detect("RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(ImageFormat.WEBP);
    }

    @Test
    void anythingElseIsRefused() {
        for (String other : new String[] {"GIF89a......", "RIFF....WAVE", "<svg xmlns=", ""}) {
            assertThatThrownBy(() -> detect(other.getBytes(StandardCharsets.ISO_8859_1))).isInstanceOf(DouyinException.class);
        }
    }
}
