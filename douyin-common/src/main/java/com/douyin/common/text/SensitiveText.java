package com.douyin.common.text;

import com.github.houbb.sensitive.word.core.SensitiveWordHelper;

/** Masks sensitive words in user text (titles, comments, messages) with '*', using the maintained houbb sensitive-word dictionary. */
public final class SensitiveText {

    private SensitiveText() {
    }

    public static String mask(String text) {
        return SensitiveWordHelper.replace(text);
    }
}
