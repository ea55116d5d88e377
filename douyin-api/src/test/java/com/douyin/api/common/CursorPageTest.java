package com.douyin.api.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CursorPageTest {

    /** Items as (time, id); ten share one time. */
    private static final List<PageCursor> NEWEST_FIRST = LongStream.range(0, 25)
            .mapToObj(i -> new PageCursor(i < 10 ? 5000 : 5000 - i, 100 - i)).toList();

    @Test
    void onlyTheOneMoreFetchedSaysThatANextPageExists() {
        CursorPage<PageCursor> full = CursorPage.of(NEWEST_FIRST.subList(0, 4), 3, p -> p);
        assertEquals(NEWEST_FIRST.subList(0, 3), full.items());
        assertEquals(NEWEST_FIRST.get(2), full.next());
        CursorPage<PageCursor> last = CursorPage.of(NEWEST_FIRST.subList(0, 3), 3, p -> p);
        assertEquals(3, last.items().size());
        assertNull(last.next());
    }

    @Test
    void followingTheCursorsOfAWholeListGoesThroughItOnceEvenInsideOneTime() {
        List<PageCursor> seen = new ArrayList<>();
        PageCursor cursor = null;
        do {
            CursorPage<PageCursor> page = CursorPage.after(cursor, NEWEST_FIRST, 4, p -> p);
            seen.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        assertEquals(NEWEST_FIRST, seen);
    }

    @Test
    void aCountIsKeptWithinOneAndTheMost() {
        assertEquals(1, CursorPage.clamp(0));
        assertEquals(1, CursorPage.clamp(-5));
        assertEquals(30, CursorPage.clamp(30));
        assertEquals(CursorPage.MAX_COUNT, CursorPage.clamp(1_000_000));
    }
}
