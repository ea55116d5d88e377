package com.douyin.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VideoContainerTest {

    private static VideoContainer detect(byte[] head) throws IOException {
        return VideoContainer.detect(new ByteArrayInputStream(head));
    }

    private static byte[] box(String type, String brand) {
        byte[] head = new byte[12];
        head[3] = 0x20;
        System.arraycopy(type.getBytes(StandardCharsets.ISO_8859_1), 0, head, 4, 4);
        System.arraycopy(brand.getBytes(StandardCharsets.ISO_8859_1), 0, head, 8, 4);
        return head;
    }

    @Test
    void recognisesContainersByTheirBytes() throws IOException {
        assertThat(detect(box("ftyp", "isom"))).isEqualTo(VideoContainer.MP4);
        assertThat(detect(box("ftyp", "qt  "))).isEqualTo(VideoContainer.MOV);
        assertThat(detect(box("moov", "xxxx"))).isEqualTo(VideoContainer.MOV);
        assertThat(detect(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0})).isEqualTo(VideoContainer.WEBM);
    }

    @Test
    void refusesAnythingElse() {
        for (byte[] bad : new byte[][] {"hello, plain text!".getBytes(StandardCharsets.UTF_8), new byte[0],
                {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0}}) {
            assertThatThrownBy(() -> detect(bad)).isInstanceOf(DouyinException.class).hasMessageContaining("not a video");
        }
    }
}
