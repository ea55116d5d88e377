package com.douyin.common.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How titles and chat messages become FULLTEXT tokens, the same on MySQL and MariaDB. MariaDB has no ngram parser,
 * so HanLP segments the text into words here. InnoDB indexes only tokens of 3 to 84 characters
 * made of word characters (and the CI database cannot change that), while Chinese words are
 * mostly two characters: each word is therefore stored as "w" plus the hex of its UTF-8 bytes.
 * Hex keeps byte prefixes as string prefixes, so a query word also finds longer words that
 * start with it ("篮" finds "篮球", "cat" finds "cats").
 */
public final class SearchTerms {

    private static final String PREFIX = "w";
    /** innodb_ft_max_token_size is 84: the prefix plus 41 bytes in hex. */
    private static final int MAX_BYTES = 41;
    private static final int MAX_COLUMN = 1000;

    private SearchTerms() {
    }

    /** Loads HanLP's dictionaries now rather than on the first publish. */
    public static void warmUp() {
        words("热身 warm up");
    }

    /** The value of {@code video.title_terms} for a title (at most 1,000 characters). */
    public static String index(String title) {
        StringBuilder column = new StringBuilder();
        for (String token : tokens(title)) {
            if (column.length() + token.length() + 1 > MAX_COLUMN) {
                break;
            }
            column.append(column.isEmpty() ? "" : " ").append(token);
        }
        return column.toString();
    }

    /**
     * A boolean-mode expression that matches titles holding any word of the keyword (as a
     * prefix), or the empty string if the keyword has no searchable word.
     */
    public static String query(String keyword) {
        return tokens(keyword).stream().map(token -> token + "*").collect(Collectors.joining(" "));
    }

    /**
     * A boolean-mode expression that matches texts holding every word of the keyword (each as a
     * prefix), or the empty string if the keyword has no searchable word.
     */
    public static String queryAll(String keyword) {
        return tokens(keyword).stream().map(token -> "+" + token + "*").collect(Collectors.joining(" "));
    }

    private static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : words(text)) {
            tokens.add(PREFIX + HexFormat.of().formatHex(leadingBytes(word)));
        }
        return tokens;
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Term> terms = HanLP.segment(text);
        CoreStopWordDictionary.apply(terms);
        return terms.stream()
                .map(term -> term.word.strip().toLowerCase(Locale.ROOT))
                .filter(SearchTerms::hasLetterOrDigit)
                .toList();
    }

    private static boolean hasLetterOrDigit(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The word's UTF-8 bytes, cut at a character boundary to fit one InnoDB token. */
    static byte[] leadingBytes(String word) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return bytes;
        }
        int end = MAX_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // bytes[end] continues a character: cut before that character starts
        }
        return Arrays.copyOf(bytes, end);
    }
}
