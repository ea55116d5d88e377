package com.douyin.gateway.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.douyin.api.common.DouyinException;
import org.junit.jupiter.api.Test;

class VideoObjectKeyTest {

    @Test
    void anIssuedKeyNamesItsOwnerAndContainerAndParsesBack() {
        VideoObjectKey key = VideoObjectKey.issue(2319L, VideoContainer.WEBM);
        assertThat(key.toString()).startsWith("videos/2319/").endsWith(".webm");
        assertThat(VideoObjectKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void onlyKeysOfTheIssuedShapeAreAccepted() {
        String name = "0f8fad5b-d9cb-469f-a165-70867728950e";
        assertThat(VideoObjectKey.parse("videos/7/" + name + ".mov").ownerId()).isEqualTo(7);
        for (String bad : new String[] {"", "videos/7/" + name + ".exe", "videos/7/../8/" + name + ".mp4",
                "covers/7/" + name + ".mp4", "/videos/7/" + name + ".mp4", "videos/x/" + name + ".mp4",
                "videos/7/clip.mp4", "videos/7/" + name.toUpperCase() + ".mp4", "videos/7/" + name + ".mp4/"}) {
            assertThatThrownBy(() -> VideoObjectKey.parse(bad)).as(bad)
                    .isInstanceOf(DouyinException.class).hasMessageContaining("object_key");
        }
    }
}
