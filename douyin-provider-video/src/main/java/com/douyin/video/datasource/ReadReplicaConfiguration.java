package com.douyin.video.datasource;

import com.baomidou.dynamic.datasource.DynamicRoutingDataSource;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Read/write splitting for the video provider, once {@code douyin.datasource.replica-url}
 * (DOUYIN_MYSQL_REPLICA_URL, douyin-shared.yaml) names a MySQL replica of {@code spring.datasource.url}:
 * the one DataSource then routes between two Hikari pools, {@code primary}, used for everything,
 * and {@code replica}, used only inside {@link ReadReplica#read}. Both pools take
 * {@code spring.datasource.username}, {@code password} and {@code hikari.*}: a replica has the
 * primary's users. With no replica URL this configures nothing: Spring Boot's single pool, as before.
 *
 * <p>Seata AT: its starter proxies this DataSource bean as a whole, which is right as long as
 * writes and transactions only ever take primary connections (they do: see {@link ReadReplica}).
 * To proxy the primary pool alone instead, dynamic-datasource's own way, wrap it in {@link #pools}
 * and set {@code seata.enable-auto-data-source-proxy=false}.
 */
@Configuration(proxyBeanMethods = false) // read before Spring Boot's DataSourceAutoConfiguration, which then backs off
@ConditionalOnExpression("!'${douyin.datasource.replica-url:}'.isBlank()")
@EnableConfigurationProperties(DataSourceProperties.class)
public class ReadReplicaConfiguration {

    static final String PRIMARY = "primary";
    static final String REPLICA = "replica";

    @Bean
    DynamicRoutingDataSource dataSource(DataSourceProperties properties, Environment environment,
                                        @Value("${douyin.datasource.replica-url}") String replicaUrl) {
        DynamicRoutingDataSource routing = new DynamicRoutingDataSource(
                List.of(() -> pools(properties, Binder.get(environment), replicaUrl.trim())));
        routing.setPrimary(PRIMARY);
        routing.setStrict(true); // a name other than these two is a bug, not a read for the primary
        return routing;
    }

    /** The pools by name, made when the routing DataSource starts and closed with it. */
    private static Map<String, DataSource> pools(DataSourceProperties properties, Binder binder, String replicaUrl) {
        return Map.of(PRIMARY, pool(PRIMARY, properties.determineUrl(), properties, binder),
                REPLICA, pool(REPLICA, replicaUrl, properties, binder));
    }

    /** A pool as Spring Boot makes it from {@code spring.datasource.*}, for {@code url}. */
    private static HikariDataSource pool(String name, String url, DataSourceProperties properties, Binder binder) {
        HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).url(url).build();
        binder.bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setPoolName(name);
        return pool;
    }
}
