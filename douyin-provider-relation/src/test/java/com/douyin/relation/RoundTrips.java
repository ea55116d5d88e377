package com.douyin.relation;

import com.douyin.common.redis.RedisProperties;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.NettyHook;
import org.redisson.client.protocol.QueueCommand;
import org.redisson.config.Config;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the round trips the provider makes: each request its Redis client writes to a
 * connection (one command, or a whole pipeline: Redisson hands either to Netty as one
 * {@link QueueCommand}), and each statement its MyBatis mappers run. The Redis client is the provider's own (as
 * RedissonAutoConfiguration makes it) with the counter in its connections, and no background
 * pings, so only the calls a test makes are counted.
 */
@TestConfiguration
class RoundTrips {

    /** Round trips to Redis and to MySQL. */
    record Count(int redis, int mysql) {
    }

    private static final AtomicInteger redis = new AtomicInteger();
    private static final AtomicInteger mysql = new AtomicInteger();

    /** The round trips {@code call} makes (it must be the only thing using the provider meanwhile). */
    static Count of(Runnable call) {
        int redisBefore = redis.get();
        int mysqlBefore = mysql.get();
        call.run();
        return new Count(redis.get() - redisBefore, mysql.get() - mysqlBefore);
    }

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(RedisProperties properties) {
        Config config = new Config();
        config.setUseScriptCache(true);
        config.setNettyHook(new NettyHook() {
            @Override
            public void afterBoostrapInitialization(Bootstrap bootstrap) {
            }

            @Override
            public void afterChannelInitialization(Channel channel) {
                channel.pipeline().addLast(new RequestCounter()); // the first to see a write, before it is encoded
            }
        });
        config.useSingleServer()
                .setAddress(properties.address())
                .setPassword(properties.password())
                .setDatabase(properties.database())
                .setPingConnectionInterval(0);
        return Redisson.create(config);
    }

    @ChannelHandler.Sharable
    private static final class RequestCounter extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof QueueCommand) {
                redis.incrementAndGet();
            }
            context.write(message, promise);
        }
    }

    @Bean
    Interceptor statementCounter() {
        return new StatementCounter();
    }

    @Intercepts({
            @Signature(type = Executor.class, method = "query", args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
            @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
    private static final class StatementCounter implements Interceptor {
        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            mysql.incrementAndGet();
            return invocation.proceed();
        }

        @Override
        public void setProperties(Properties properties) {
        }
    }
}
