package com.douyin.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ViewerMarksTest {

    private final ViewerMarks marks = new ViewerMarks(Duration.ofMinutes(1));
    private final List<List<Long>> asked = new ArrayList<>();
    private final AtomicInteger wholeAsked = new AtomicInteger();

    private Function<List<Long>, Set<Long>> among(Set<Long> marked) {
        return ids -> {
            asked.add(ids);
            return ids.stream().filter(marked::contains).collect(Collectors.toSet());
        };
    }

    /** A viewer with too many marks to hold whole. */
    private Supplier<Set<Long>> tooMany() {
        return () -> {
            wholeAsked.incrementAndGet();
            return null;
        };
    }

    private Supplier<Set<Long>> whole(Set<Long> marked) {
        return () -> {
            wholeAsked.incrementAndGet();
            return marked;
        };
    }

    @Test
    void aViewerWithFewMarksIsAskedForAllOfThemOnceAndNothingPerPage() {
        assertThat(marks.liked(1, List.of(10L, 11L, 12L), whole(Set.of(11L, 99L)), among(Set.of()))).containsExactly(11L);
        assertThat(marks.liked(1, List.of(13L, 99L), whole(Set.of()), among(Set.of()))).containsExactly(99L);
        assertThat(wholeAsked).hasValue(1);
        assertThat(asked).as("no page asked about its videos").isEmpty();
        assertThat(marks.followed(1, List.of(5L), whole(Set.of(5L)), among(Set.of()))).as("follows asked apart").containsExactly(5L);
        assertThat(wholeAsked).hasValue(2);
    }

    @Test
    void aViewerWithManyMarksIsAskedOnlyWhatIsNewOnAPageAndTheAnswersAreKept() {
        assertThat(marks.liked(1, List.of(10L, 11L, 12L), tooMany(), among(Set.of(11L)))).containsExactly(11L);
        assertThat(marks.liked(1, List.of(11L, 12L, 13L), tooMany(), among(Set.of(11L, 13L)))).containsExactlyInAnyOrder(11L, 13L);
        assertThat(asked).containsExactly(List.of(10L, 11L, 12L), List.of(13L));
        assertThat(wholeAsked).as("asked once whether they have few").hasValue(1);
        assertThat(marks.liked(2, List.of(11L), tooMany(), among(Set.of()))).as("another viewer's own marks").isEmpty();
    }

    @Test
    void theViewersOwnLikeDropsTheirMarks() {
        marks.liked(1, List.of(10L), whole(Set.of()), among(Set.of()));
        marks.drop(1); // they liked 10
        assertThat(marks.liked(1, List.of(10L), whole(Set.of(10L)), among(Set.of()))).containsExactly(10L);
        marks.liked(3, List.of(10L), tooMany(), among(Set.of()));
        marks.drop(3);
        assertThat(marks.liked(3, List.of(10L), tooMany(), among(Set.of(10L)))).containsExactly(10L);
    }

    @Test
    void likesAndFollowsAreKeptApartAndAFailedAnswerKeepsNothing() {
        marks.followed(1, List.of(10L), tooMany(), among(Set.of(10L)));
        assertThat(marks.liked(1, List.of(10L), tooMany(), among(Set.of()))).isEmpty();
        assertThatThrownBy(() -> marks.liked(1, List.of(20L), tooMany(), ids -> {
            throw new IllegalStateException("down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(marks.liked(1, List.of(20L), tooMany(), among(Set.of(20L)))).containsExactly(20L);
        assertThatThrownBy(() -> marks.liked(4, List.of(20L), () -> {
            throw new IllegalStateException("down");
        }, among(Set.of()))).isInstanceOf(IllegalStateException.class);
        assertThat(marks.liked(4, List.of(20L), whole(Set.of(20L)), among(Set.of()))).as("the failed whole was not kept").containsExactly(20L);
    }
}
