package com.douyin.video.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import com.baomidou.dynamic.datasource.DynamicRoutingDataSource;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which DataSource a service gets, with and without a replica (pools are lazy: no server needed). */
class ReadReplicaConfigurationTest {

    private static final String PRIMARY_URL = "jdbc:mysql://primary.example:3306/douyin";
    private static final String REPLICA_URL = "jdbc:mysql://replica.example:3306/douyin";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ReadReplicaConfiguration.class) // as the application's own configuration
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=" + PRIMARY_URL, "spring.datasource.username=douyin",
                    "spring.datasource.hikari.maximum-pool-size=7");

    @Test
    void withoutAReplicaTheServiceKeepsSpringBootsSinglePool() {
        context.run(c -> assertThat(c.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class));
        context.withPropertyValues("douyin.datasource.replica-url=") // DOUYIN_MYSQL_REPLICA_URL unset
                .run(c -> assertThat(c.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class));
    }

    @Test
    void withAReplicaReadsInsideReadReplicaGoThereAndEverythingElseToThePrimary() {
        context.withPropertyValues("douyin.datasource.replica-url=" + REPLICA_URL).run(c -> {
            DynamicRoutingDataSource routing = c.getBean(DynamicRoutingDataSource.class);
            HikariDataSource primary = (HikariDataSource) routing.getDataSources().get(ReadReplicaConfiguration.PRIMARY);
            HikariDataSource replica = (HikariDataSource) routing.getDataSources().get(ReadReplicaConfiguration.REPLICA);
            assertThat(primary.getJdbcUrl()).isEqualTo(PRIMARY_URL);
            assertThat(replica.getJdbcUrl()).isEqualTo(REPLICA_URL);
            // The replica's pool is configured as the primary's.
            assertThat(replica.getUsername()).isEqualTo("douyin");
            assertThat(replica.getMaximumPoolSize()).isEqualTo(primary.getMaximumPoolSize()).isEqualTo(7);

            assertThat(routing.determineDataSource()).isSameAs(primary);
            assertThat(ReadReplica.read(routing::determineDataSource)).isSameAs(replica);
            assertThat(routing.determineDataSource()).isSameAs(primary);
        });
    }
}
