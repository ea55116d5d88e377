package com.douyin.common.text;

import com.github.houbb.sensitive.word.core.SensitiveWordHelper;
import com.github.houbb.sensitive.word.support.deny.WordDenys;

/** Masks sensitive words in user text (titles, comments, messages) with '*', using the maintained houbb sensitive-word dictionary. */
public final class SensitiveText {

    private SensitiveText() {
    }

    /** {@code text} with each character of a sensitive word replaced by '*' (same length). */
    public static String mask(String text) {
        return SensitiveWordHelper.replace(text);
    }

    /** The length of the dictionary's longest word: how far a word can reach back from the end of a text. */
    public static int longestWord() {
        return Longest.WORD;
    }

    private static final class Longest {
        static final int WORD = WordDenys.defaults().deny().stream().mapToInt(String::length).max().orElse(1);
    }
}
