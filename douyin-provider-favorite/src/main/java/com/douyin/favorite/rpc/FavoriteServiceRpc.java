package com.douyin.favorite.rpc;

import com.douyin.api.common.CursorPage;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.PageCursor;
import com.douyin.api.favorite.FavoriteChange;
import com.douyin.api.favorite.FavoriteService;
import com.douyin.favorite.service.FavoriteActionService;
import com.douyin.favorite.service.FavoriteQueryService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.dubbo.config.annotation.DubboService;

/** The Dubbo face of the favorite provider; the logic is in the services. */
@DubboService
public class FavoriteServiceRpc implements FavoriteService {

    private final FavoriteActionService actions;
    private final FavoriteQueryService queries;

    public FavoriteServiceRpc(FavoriteActionService actions, FavoriteQueryService queries) {
        this.actions = actions;
        this.queries = queries;
    }

    @Override
    public void like(long userId, long videoId) {
        actions.like(userId, videoId);
    }

    @Override
    public void unlike(long userId, long videoId) {
        actions.unlike(userId, videoId);
    }

    @Override
    public CompletableFuture<List<ErrorCode>> changeAll(List<FavoriteChange> changes) {
        return CompletableFuture.completedFuture(actions.changeAll(changes));
    }

    @Override
    public Set<Long> likedAmong(long userId, List<Long> videoIds) {
        return queries.likedAmong(userId, videoIds);
    }

    @Override
    public CursorPage<Long> likedVideos(long userId, PageCursor cursor, int count) {
        return queries.likedVideos(userId, cursor, count);
    }

    @Override
    public List<Long> likedVideos(long userId) {
        return queries.likedVideos(userId, null, CursorPage.MAX_COUNT).items();
    }
}
