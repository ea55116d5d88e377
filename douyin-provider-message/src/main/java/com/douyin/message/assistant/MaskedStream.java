package com.douyin.message.assistant;

import com.douyin.common.text.SensitiveText;

/**
 * Masks a text that arrives in pieces (a model's streamed answer) exactly as {@link SensitiveText}
 * masks the whole of it, so a sensitive word split across two pieces is masked too. A character is
 * passed on once no word can still reach it from text yet to come: the last
 * {@link SensitiveText#longestWord()} - 1 characters wait for the next piece, or for
 * {@link #finish()}. Not thread-safe: one per stream.
 */
public final class MaskedStream {

    private static final int HELD_BACK = SensitiveText.longestWord() - 1;

    private final StringBuilder raw = new StringBuilder();
    private int passed;

    /** Adds a piece; answers the masked text that is now final (may be empty). */
    public String append(String piece) {
        raw.append(piece);
        return passOnUpTo(raw.length() - HELD_BACK);
    }

    /** The end of the text: answers the rest, masked. */
    public String finish() {
        return passOnUpTo(raw.length());
    }

    private String passOnUpTo(int end) {
        if (end > 0 && end < raw.length() && Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--; // never split a character made of two chars
        }
        if (end <= passed) {
            return "";
        }
        String masked = SensitiveText.mask(raw.toString()); // the whole text so far: a word may start in what is passed on
        String piece = masked.substring(passed, end);
        passed = end;
        return piece;
    }
}
