package com.douyin.common.text;

import static org.assertj.core.api.Assertions.assertThat;

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
    void chineseWordsAreMaskedWherever() {
        String masked = SensitiveText.mask("这是傻逼行为");
        assertThat(masked).hasSize("这是傻逼行为".length()).contains("**").doesNotContain("傻逼");
    }
}
