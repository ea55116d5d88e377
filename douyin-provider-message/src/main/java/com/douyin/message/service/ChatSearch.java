package com.douyin.message.service;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.PageCursor;
import com.douyin.api.message.MessageDTO;
import com.douyin.api.video.SearchKeyword;
import com.douyin.message.dao.MessageMapper;
import java.util.List;
import org.springframework.stereotype.Service;

/** A user's chat messages holding some words, newest first, in pages ({@link MessageTerms}: one FULLTEXT lookup). */
@Service
public class ChatSearch {

    private final MessageMapper messages;

    public ChatSearch(MessageMapper messages) {
        this.messages = messages;
    }

    /** Fails with KEYWORD_INVALID for a blank or too long keyword (as the gateway does before calling). */
    public CursorPage<MessageDTO> search(long userId, String keyword, PageCursor cursor, int count) {
        int limit = CursorPage.clamp(count);
        String query = MessageTerms.query(userId, SearchKeyword.normalize(keyword));
        if (query.isEmpty()) {
            return new CursorPage<>(List.of(), null);
        }
        return CursorPage.of(messages.search(query, cursor, limit + 1), limit, m -> new PageCursor(m.createTime(), m.id()));
    }
}
