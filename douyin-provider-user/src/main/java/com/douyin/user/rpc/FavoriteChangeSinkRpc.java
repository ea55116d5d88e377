package com.douyin.user.rpc;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.favorite.FavoriteChangeSink;
import com.douyin.user.service.UserCounterService;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** Likes into user.favorite_count and total_favorited when they cannot come through RocketMQ. */
@DubboService
public class FavoriteChangeSinkRpc implements FavoriteChangeSink {

    private final UserCounterService counters;

    public FavoriteChangeSinkRpc(UserCounterService counters) {
        this.counters = counters;
    }

    @Override
    public void apply(FavoriteChangedEvent change) {
        counters.applyFavoriteChanges(List.of(change));
    }
}
