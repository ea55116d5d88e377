package com.douyin.api.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void aCursorReadsBackAsItWasWritten() {
        PageCursor cursor = new PageCursor(1_780_000_000_123L, 7_312_345_678_901_234L);
        assertEquals("1780000000123-7312345678901234", cursor.text());
        assertEquals(cursor, PageCursor.parse(cursor.text()));
        assertEquals(cursor, PageCursor.parse(" " + cursor.text() + " "));
        assertEquals("", PageCursor.textOf(null));
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertNull(PageCursor.parse(null));
        assertNull(PageCursor.parse(""));
        assertNull(PageCursor.parse("  "));
    }

    @Test
    void aCursorThisServerNeverGaveOutIsABadRequest() {
        for (String bad : new String[] {"abc", "12", "-1-2", "1--2", "1-", "-5", "1-2-3", "1.5-2", "99999999999999999999-1", "1-x"}) {
            DouyinException e = assertThrows(DouyinException.class, () -> PageCursor.parse(bad), bad);
            assertEquals(ErrorCode.BAD_REQUEST, e.errorCode());
            assertTrue(e.getMessage().contains("next_cursor"));
        }
    }

    @Test
    void whatFollowsIsOlderOrOfTheSameTimeWithASmallerId() {
        PageCursor cursor = new PageCursor(1000, 50);
        assertTrue(cursor.isFollowedBy(999, 99));
        assertTrue(cursor.isFollowedBy(1000, 49));
        assertFalse(cursor.isFollowedBy(1000, 50));
        assertFalse(cursor.isFollowedBy(1000, 51));
        assertFalse(cursor.isFollowedBy(1001, 1));
    }
}
