package com.douyin.gateway.batch;

import com.douyin.api.common.DouyinException;
import com.douyin.api.common.ErrorCode;
import com.douyin.api.common.WriteTimeouts;
import com.douyin.api.favorite.FavoriteChange;
import com.douyin.api.favorite.FavoriteService;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Likes and unlikes go to the favorite provider in batches ({@link BatchingCaller},
 * {@link FavoriteService#changeAll}): under a storm one Dubbo call, one Redis round trip and one
 * broker send carry what arrived meanwhile, instead of one of each per like. Each request still
 * answers only once its own change is stored (in Redis and the broker, or in MySQL), without
 * holding a request thread while it waits.
 */
@Component
public class FavoriteChangeBatches {

    /** Enough for a storm of 50 clients per round trip; a bigger batch only delays its first answer. */
    private static final int MAX_BATCH = 64;

    private final BatchingCaller<FavoriteChange, ErrorCode> caller;

    public FavoriteChangeBatches(FavoriteService favorites,
                                 @Value("${douyin.gateway.favorite-batches-in-flight:2}") int maxInFlight) {
        this.caller = new BatchingCaller<>(favorites::changeAll, MAX_BATCH, maxInFlight,
                Duration.ofMillis(WriteTimeouts.SYNCHRONOUS_PATH_MS));
    }

    /**
     * Likes ({@code like}) or unlikes the video as the user; done when the change is stored, or
     * failed with the refusal as its error.
     */
    public CompletableFuture<Void> change(long userId, long videoId, boolean like) {
        return caller.submit(new FavoriteChange(userId, videoId, like)).thenAccept(refusal -> {
            if (refusal != null) {
                throw new DouyinException(refusal);
            }
        });
    }
}
