package com.douyin.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ViewerMarksTest {

    private final ViewerMarks marks = new ViewerMarks(Duration.ofMinutes(1));
    private final List<List<Long>> asked = new ArrayList<>();

    private Function<List<Long>, Set<Long>> provider(Set<Long> marked) {
        return ids -> {
            asked.add(ids);
            return ids.stream().filter(marked::contains).collect(Collectors.toSet());
        };
    }

    @Test
    void onlyWhatIsNewOnAPageIsAskedAndTheAnswersAreKept() {
        assertThat(marks.liked(1, List.of(10L, 11L, 12L), provider(Set.of(11L)))).containsExactly(11L);
        assertThat(marks.liked(1, List.of(11L, 12L, 13L), provider(Set.of(11L, 13L)))).containsExactlyInAnyOrder(11L, 13L);
        assertThat(asked).containsExactly(List.of(10L, 11L, 12L), List.of(13L));
        assertThat(marks.liked(2, List.of(11L), provider(Set.of()))).as("another viewer's own marks").isEmpty();
    }

    @Test
    void theViewersOwnLikeDropsTheirMarks() {
        marks.liked(1, List.of(10L), provider(Set.of()));
        marks.drop(1); // they liked 10
        assertThat(marks.liked(1, List.of(10L), provider(Set.of(10L)))).containsExactly(10L);
    }

    @Test
    void likesAndFollowsAreKeptApartAndAFailedAnswerKeepsNothing() {
        marks.followed(1, List.of(10L), provider(Set.of(10L)));
        assertThat(marks.liked(1, List.of(10L), provider(Set.of()))).isEmpty();
        assertThatThrownBy(() -> marks.liked(1, List.of(20L), ids -> {
            throw new IllegalStateException("down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(marks.liked(1, List.of(20L), provider(Set.of(20L)))).containsExactly(20L);
    }
}
