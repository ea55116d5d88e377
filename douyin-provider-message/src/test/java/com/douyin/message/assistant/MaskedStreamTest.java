package com.douyin.message.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.douyin.common.text.SensitiveText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskedStreamTest {

    private static List<String> streamed(List<String> pieces) {
        MaskedStream stream = new MaskedStream();
        List<String> out = new ArrayList<>();
        for (String piece : pieces) {
            out.add(stream.append(piece));
        }
        out.add(stream.finish());
        return out;
    }

    @Test
    void aWordSplitAcrossTwoPiecesIsMaskedAsInTheWholeText() {
        List<String> pieces = List.of("what the fu", "ck is this");
        assertThat(SensitiveText.mask(pieces.get(0)) + SensitiveText.mask(pieces.get(1)))
                .as("masked piece by piece, the word escapes").contains("fu").contains("ck");

        String joined = String.join("", streamed(pieces));

        assertThat(joined).isEqualTo(SensitiveText.mask("what the fuck is this")).contains("****").doesNotContain("fu");
    }

    @Test
    void textIsPassedOnBeforeTheEndOnceNoWordCanReachIt() {
        String start = "a".repeat(SensitiveText.longestWord() + 10);
        MaskedStream stream = new MaskedStream();

        assertThat(stream.append(start)).isEqualTo("a".repeat(11));
        assertThat(stream.append("b")).isEqualTo("a");
        assertThat(stream.finish()).isEqualTo("a".repeat(SensitiveText.longestWord() - 2) + "b");
    }

    @Test
    void anyCutOfALongTextGivesTheWholeTextMaskedAndNeverHalfACharacter() {
        String text = ("今天天气很好 fuck 😀 这是一段测试文本 shit happens 🎉🎉 法轮功 的新闻 ").repeat(8);
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<String> pieces = new ArrayList<>();
            for (int at = 0; at < text.length(); ) {
                int next = Math.min(text.length(), at + 1 + random.nextInt(12));
                pieces.add(text.substring(at, next));
                at = next;
            }
            List<String> out = streamed(pieces);
            assertThat(String.join("", out)).isEqualTo(SensitiveText.mask(text));
            assertThat(out).noneMatch(piece -> !piece.isEmpty() && Character.isLowSurrogate(piece.charAt(0)));
        }
    }
}
