package com.douyin.message.service;

import com.douyin.api.message.MessageDTO;
import com.douyin.common.text.SearchTerms;

/**
 * What a chat message is found by ({@code message.content_terms}): a token per participant
 * ("uid" + user ID: never under InnoDB's 3-character minimum, which would drop it from the index
 * and the query alike, even for the assistant, user 1) and the words of its content
 * (SearchTerms), so that a FULLTEXT lookup finds a user's own messages holding the words, never
 * another person's.
 */
final class MessageTerms {

    private MessageTerms() {
    }

    /** The column's value for a message (participants first: the words may be cut, they never are). */
    static String of(long fromUserId, long toUserId, String content) {
        return participant(fromUserId) + " " + participant(toUserId) + " " + SearchTerms.index(content);
    }

    static String of(MessageDTO message) {
        return of(message.fromUserId(), message.toUserId(), message.content());
    }

    /** A boolean-mode expression for the user's messages holding every word of {@code keyword}; "" if it has none. */
    static String query(long userId, String keyword) {
        String words = SearchTerms.queryAll(keyword);
        return words.isEmpty() ? "" : "+" + participant(userId) + " " + words;
    }

    private static String participant(long userId) {
        return "uid" + userId;
    }
}
