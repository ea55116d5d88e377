package com.douyin.common.text;

import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.deny.WordDenys;
import com.github.houbb.sensitive.word.support.resultcondition.WordResultConditions;

/**
 * Masks sensitive words in user text (titles, comments, messages) with '*', using the maintained
 * houbb sensitive-word dictionary. An entry of Latin letters or digits counts only as a whole word
 * (bounded by neither a letter nor a digit): the dictionary's "sb" and "2b" are insults alone, but
 * not inside "husband", "Essex" or a hash like "2b0aee0c" (which the default matching masked to
 * "hu**and", "Es***", "**0aee0c", and a title holding such a word could no longer be found by it).
 */
public final class SensitiveText {

    private static final SensitiveWordBs WORDS = SensitiveWordBs.newInstance()
            .wordResultCondition(WordResultConditions.englishWordNumMatch())
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
