package com.douyin.video.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VideoTopicsTest {

    @Test
    void topicsAreReadFromTheDataIdInTheirStoredFormAndOrder() throws Exception {
        String yaml = """
                douyin:
                  video:
                    cache-ttl: 30m
                    topics: [Sport, " game ", music, sport, "", this-topic-is-longer-than-thirty-two-characters]
                """;
        assertThat(VideoTopics.parse(yaml)).containsExactly("sport", "game", "music");
    }

    @Test
    void aListWrittenAsLinesOrACommaSeparatedValueReadsAlike() throws Exception {
        assertThat(VideoTopics.parse("douyin:\n  video:\n    topics:\n      - food\n      - 旅行\n")).containsExactly("food", "旅行");
        assertThat(VideoTopics.parse("douyin.video.topics: food, pets")).containsExactly("food", "pets");
    }

    @Test
    void noTopicsKeyOrAnEmptyDataIdMeansNoTopics() throws Exception {
        assertThat(VideoTopics.parse("douyin:\n  video:\n    cache-ttl: 30m\n")).isEmpty();
        assertThat(VideoTopics.parse("")).isEmpty();
    }
}
