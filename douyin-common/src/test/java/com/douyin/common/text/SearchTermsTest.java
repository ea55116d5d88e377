package com.douyin.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    private static String token(String word) {
        return "w" + HexFormat.of().formatHex(word.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> indexed(String title) {
        return Arrays.asList(SearchTerms.index(title).split(" "));
    }

    @Test
    void chineseTitlesAreStoredAsWordsOfAtLeastThreeCharacters() {
        List<String> tokens = indexed("周末的篮球比赛");
        assertThat(tokens).contains(token("篮球"), token("比赛")).doesNotContain(token("的"));
        assertThat(tokens).allMatch(t -> t.length() >= 3 && t.length() <= 84 && t.matches("w[0-9a-f]+"));
    }

    @Test
    void englishWordsAreLowerCasedAndPunctuationDropped() {
        assertThat(indexed("Funny CATS!!! ***")).containsExactly(token("funny"), token("cats"));
    }

    @Test
    void aQueryMatchesEveryWordAsAPrefix() {
        assertThat(SearchTerms.query("篮球 cat")).isEqualTo(token("篮球") + "* " + token("cat") + "*");
        assertThat(SearchTerms.query("  !!! ")).isEmpty();
    }

    @Test
    void aQueryForAllWordsRequiresEachAsAPrefix() {
        assertThat(SearchTerms.queryAll("篮球 cat")).isEqualTo("+" + token("篮球") + "* +" + token("cat") + "*");
        assertThat(SearchTerms.queryAll("  !!! ")).isEmpty();
    }

    @Test
    void longWordsAreCutToFitOneToken() {
        assertThat(SearchTerms.index("a".repeat(50))).isEqualTo(token("a".repeat(41)));
    }

    @Test
    void aCutNeverSplitsACharacter() {
        byte[] cut = SearchTerms.leadingBytes("a".repeat(40) + "篮球");
        assertThat(new String(cut, StandardCharsets.UTF_8)).isEqualTo("a".repeat(40));
    }

    @Test
    void theColumnNeverExceedsItsSize() {
        assertThat(SearchTerms.index("测试标题".repeat(25) + " emoji😀".repeat(10)).length()).isLessThanOrEqualTo(1000);
    }
}
