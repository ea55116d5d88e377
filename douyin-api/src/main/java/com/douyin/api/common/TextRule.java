package com.douyin.api.common;

/**
 * A length rule for user text (titles, keywords, comments, messages): trimmed, then counted in
 * characters as a user sees them (code points, so an emoji counts once).
 */
public record TextRule(int minLength, int maxLength, ErrorCode error) {

    /** The trimmed text, or {@link DouyinException} with {@link #error} if its length is out of range. */
    public String normalize(String raw) {
        String text = raw == null ? "" : raw.strip();
        int length = text.codePointCount(0, text.length());
        if (length < minLength || length > maxLength) {
            throw new DouyinException(error);
        }
        return text;
    }
}
