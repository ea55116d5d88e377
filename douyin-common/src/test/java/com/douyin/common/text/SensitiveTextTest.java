package com.douyin.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SensitiveTextTest {

    @Test
    void aLatinWordIsMaskedOnlyWhole() {
        assertThat(SensitiveText.mask("my husband and I")).isEqualTo("my husband and I");
        assertThat(SensitiveText.mask("海边的日落 zqdmorsbrhut")).isEqualTo("海边的日落 zqdmorsbrhut");
        assertThat(SensitiveText.mask("what the fuck is this")).isEqualTo("what the **** is this");
        assertThat(SensitiveText.mask("你是sb吗")).isEqualTo("你是**吗");
    }

    @Test
    void lettersAndDigitsInsideAWordAreLeftAlone() {
        for (String ordinary : List.of("2b0aee0ca923", "build 12b beta", "ID 2b9f", "Essex", "class", "assassin",
                "Scunthorpe", "cocktail", "analysis", "shitake", "v2b", "sb2")) {
            assertThat(SensitiveText.mask(ordinary)).as(ordinary).isEqualTo(ordinary);
        }
    }

    @Test
    void randomAlphanumericTextComesBackUnchanged() {
        Random random = new Random(42);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = 6 + random.nextInt(14); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(SensitiveText.mask(text.toString())).isEqualTo(text.toString());
        }
    }

    @Test
    void insultsStandingAloneAreStillMasked() {
        assertThat(SensitiveText.mask("you are a 2b")).isEqualTo("you are a **");
        assertThat(SensitiveText.mask("SB!")).isEqualTo("**!");
        assertThat(SensitiveText.mask("shit, 傻逼")).doesNotContain("shit").doesNotContain("傻逼");
    }

    @Test
    void chineseWordsAreMaskedWherever() {
        String masked = SensitiveText.mask("这是傻逼行为");
        assertThat(masked).hasSize("这是傻逼行为".length()).contains("**").doesNotContain("傻逼");
    }
}
