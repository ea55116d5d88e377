package com.douyin.video.rpc;

import com.douyin.api.event.FavoriteChangedEvent;
import com.douyin.api.favorite.FavoriteChangeSink;
import com.douyin.video.service.VideoCounterService;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/** Likes into video.favorite_count when they cannot come through RocketMQ. */
@DubboService
public class FavoriteChangeSinkRpc implements FavoriteChangeSink {

    private final VideoCounterService counters;

    public FavoriteChangeSinkRpc(VideoCounterService counters) {
        this.counters = counters;
    }

    @Override
    public void apply(FavoriteChangedEvent change) {
        counters.applyFavoriteChanges(List.of(change));
    }
}
