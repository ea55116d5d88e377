package com.douyin.favorite.service;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.writebehind.LatestPerPair;
import com.douyin.favorite.dao.FavoriteMapper;
import com.douyin.favorite.dao.FavoriteRow;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Stores changes in the favorite table: per (user, video) pair only the latest change of a
 * batch ({@link LatestPerPair}), all in one statement. Idempotent without bookkeeping: each row
 * keeps the sequence of the change it holds, and an older or repeated change does not overwrite it.
 */
@Service
public class FavoriteRowWriter {

    private final FavoriteMapper favorites;

    public FavoriteRowWriter(FavoriteMapper favorites) {
        this.favorites = favorites;
    }

    public void store(List<FavoriteChangedEvent> changes) {
        if (!changes.isEmpty()) {
            favorites.upsertLatest(LatestPerPair.of(changes).stream()
                    .map(c -> new FavoriteRow(c.userId(), c.videoId(), c.liked(), c.sequence() / 1000, c.sequence()))
                    .toList());
        }
    }
}
