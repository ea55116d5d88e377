package com.douyin.relation;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs a step once, in the caller's thread, just before the provider's next statement of a given
 * mapper method: a test's way to land a change in the middle of a read.
 */
@TestConfiguration
class BeforeStatement {

    private static final AtomicReference<Map.Entry<String, Runnable>> next = new AtomicReference<>();

    /** Runs {@code step} before the next statement of {@code mapperMethod} (a FollowMapper method name). */
    static void once(String mapperMethod, Runnable step) {
        next.set(Map.entry(mapperMethod, step));
    }

    @Bean
    Interceptor beforeStatement() {
        return new Hook();
    }

    @Intercepts({
            @Signature(type = Executor.class, method = "query", args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
            @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
    private static final class Hook implements Interceptor {
        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            String statement = ((MappedStatement) invocation.getArgs()[0]).getId();
            Map.Entry<String, Runnable> step = next.get();
            if (step != null && statement.endsWith("." + step.getKey()) && next.compareAndSet(step, null)) {
                step.getValue().run();
            }
            return invocation.proceed();
        }

        @Override
        public void setProperties(Properties properties) {
        }
    }
}
