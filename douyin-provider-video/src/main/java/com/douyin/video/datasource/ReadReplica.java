package com.douyin.video.datasource;

import com.baomidou.dynamic.datasource.toolkit.DynamicDataSourceContextHolder;
import java.util.function.Supplier;

/**
 * Runs a query on the MySQL replica if the service has one ({@link ReadReplicaConfiguration}),
 * on the primary otherwise. Only for reads that may lag behind the latest writes: never one whose
 * result fills a cache or must show the caller's own write. Inside a transaction the query runs on
 * the transaction's connection, taken from the primary, whatever this asks.
 */
public final class ReadReplica {

    private ReadReplica() {
    }

    public static <T> T read(Supplier<T> query) {
        DynamicDataSourceContextHolder.push(ReadReplicaConfiguration.REPLICA);
        try {
            return query.get();
        } finally {
            DynamicDataSourceContextHolder.poll();
        }
    }
}
