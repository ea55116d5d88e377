package com.douyin.common.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A provider IT's own database on the machine's real MySQL/MariaDB, recreated from sql/ per run,
 * and the ITs' Redis database ({@link #REDIS_DATABASE}), emptied with it so no cache outlives its rows.
 * DOUYIN_IT_MYSQL_URL / _USER / _PASSWORD point it elsewhere (default root@127.0.0.1:3306),
 * DOUYIN_IT_REDIS_URL the Redis.
 */
public final class ItDatabase {

    /** For @SpringBootTest properties; Spring resolves the placeholders from the environment. */
    public static final String SERVER_URL = "${DOUYIN_IT_MYSQL_URL:jdbc:mysql://127.0.0.1:3306/}";
    public static final String USER = "${DOUYIN_IT_MYSQL_USER:root}";
    public static final String PASSWORD = "${DOUYIN_IT_MYSQL_PASSWORD:}";
    public static final String REDIS = "${DOUYIN_IT_REDIS_URL:redis://127.0.0.1:6379}";
    public static final String OPTIONS = "?useSSL=false&allowPublicKeyRetrieval=true";
    /** A running system uses database 0; the ITs never touch it. */
    public static final int REDIS_DATABASE = 1;

    private ItDatabase() {
    }

    /** Drops and creates {@code name}, applies every file of sql/ (run from a module folder), empties the IT Redis database. */
    public static void recreate(String name) throws Exception {
        recreate(name, REDIS_DATABASE);
    }

    /** As {@link #recreate(String)}, with a Redis database of the test's own (so it can run beside other ITs). */
    public static void recreate(String name, int redisDatabase) throws Exception {
        flushRedis(redisDatabase);
        try (Connection c = DriverManager.getConnection(env("DOUYIN_IT_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/") + OPTIONS,
                env("DOUYIN_IT_MYSQL_USER", "root"), env("DOUYIN_IT_MYSQL_PASSWORD", ""))) {
            create(c, name);
        }
    }

    /** Drops and creates {@code name} on the server {@code c} is connected to and applies every file of sql/ there. */
    public static void create(Connection c, String name) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        }
        c.setCatalog(name);
        try (var files = java.nio.file.Files.list(Path.of("..", "sql"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                ScriptUtils.executeSqlScript(c, new FileSystemResource(file));
            }
        }
    }

    /** The JDBC URL of database {@code name} on the IT server. */
    public static String jdbcUrl(String name) {
        return env("DOUYIN_IT_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/") + name + OPTIONS;
    }

    public static String user() {
        return env("DOUYIN_IT_MYSQL_USER", "root");
    }

    public static String password() {
        return env("DOUYIN_IT_MYSQL_PASSWORD", "");
    }

    /** The IT Redis's URL (redis://host:port). */
    public static String redisUrl() {
        return env("DOUYIN_IT_REDIS_URL", "redis://127.0.0.1:6379");
    }

    /** A Redisson client on the ITs' Redis database ({@link #REDIS_DATABASE}), emptied first; the caller shuts it down. */
    public static RedissonClient emptyRedis() {
        flushRedis(REDIS_DATABASE);
        return redis();
    }

    /** A Redisson client on the ITs' Redis database as it is (a test of its own keys only); the caller shuts it down. */
    public static RedissonClient redis() {
        Config config = new Config();
        config.useSingleServer().setAddress(redisUrl()).setDatabase(REDIS_DATABASE);
        return Redisson.create(config);
    }

    /** Empties database {@code database} of the IT Redis. */
    public static void flushRedis(int database) {
        Config config = new Config();
        config.useSingleServer().setAddress(redisUrl()).setDatabase(database);
        RedissonClient redis = Redisson.create(config);
        try {
            redis.getKeys().flushdb();
        } finally {
            redis.shutdown();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
