package com.douyin.favorite.service;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.favorite.dao.FavoriteMapper;
import com.douyin.favorite.dao.FavoriteRow;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Stores changes in the favorite table: per (user, video) pair only the latest change of a
 * batch, all in one statement. Idempotent without bookkeeping: each row keeps the sequence of
 * the change it holds, and an older or repeated change does not overwrite it.
 */
@Service
public class FavoriteRowWriter {

    private final FavoriteMapper favorites;

    public FavoriteRowWriter(FavoriteMapper favorites) {
        this.favorites = favorites;
    }

    public void store(List<FavoriteChangedEvent> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // Keyed and sorted by pair, so concurrent batches lock rows in the same order.
        Map<String, FavoriteChangedEvent> latest = new TreeMap<>();
        for (FavoriteChangedEvent change : changes) {
            latest.merge(change.userId() + ":" + change.videoId(), change,
                    (a, b) -> a.sequence() >= b.sequence() ? a : b);
        }
        List<FavoriteRow> rows = latest.values().stream()
                .map(c -> new FavoriteRow(c.userId(), c.videoId(), c.liked(), c.sequence() / 1000, c.sequence()))
                .sorted(Comparator.comparingLong(FavoriteRow::userId).thenComparingLong(FavoriteRow::videoId))
                .toList();
        favorites.upsertLatest(rows);
    }
}
