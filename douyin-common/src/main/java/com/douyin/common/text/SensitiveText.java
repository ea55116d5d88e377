package com.douyin.common.text;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.deny.WordDenys;
import com.github.houbb.sensitive.word.support.resultcondition.WordResultConditions;

/**
 * Masks sensitive words in user text (titles, comments, messages) with '*', using the maintained
 * houbb sensitive-word dictionary. A Latin-letter entry counts only as a whole word: the
 * dictionary's "sb" is an insult alone, but not inside "husband" (which the default matching
 * masked to "hu**and", and a title holding such a word could no longer be found by it).
 */
public final class SensitiveText {

    private static final SensitiveWordBs WORDS = SensitiveWordBs.newInstance()
            .wordResultCondition(WordResultConditions.englishWordMatch())
            .init();

    private SensitiveText() {
    }

    /** {@code text} with each character of a sensitive word replaced by '*' (same length). */
    public static String mask(String text) {
        return WORDS.replace(text);
    }

    /** The length of the dictionary's longest word: how far a word can reach back from the end of a text. */
    public static int longestWord() {
        return Longest.WORD;
    }

    private static final class Longest {
        static final int WORD = WordDenys.defaults().deny().stream().mapToInt(String::length).max().orElse(1);
    }
}
