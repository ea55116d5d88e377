package com.douyin.infra.oap;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the machine's MariaDB (DOUYIN_IT_MYSQL_URL, _USER, _PASSWORD as the application's ITs), a database of its own. */
class DayTablesAheadIT {

    private static final String SERVER = env("DOUYIN_IT_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
    private static final String USER = env("DOUYIN_IT_MYSQL_USER", "root");
    private static final String PASSWORD = env("DOUYIN_IT_MYSQL_PASSWORD", "");
    private static final String DATABASE = "douyin_it_oap_days";
    /** 23:59:30 on 2026-12-05 in UTC: the OAP's today is 20261205. */
    private static final Clock LAST_MINUTE = Clock.fixed(Instant.parse("2026-12-05T23:59:30Z"), ZoneOffset.UTC);

    private final DayTablesAhead ahead = new DayTablesAhead(SERVER + DATABASE, USER, PASSWORD, LAST_MINUTE);

    @BeforeEach
    void todaysTablesAsTheOapMakesThem() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
            s.execute("CREATE TABLE " + DATABASE + ".zipkin_span_20261205 (id VARCHAR(512) NOT NULL PRIMARY KEY,"
                    + " trace_id VARCHAR(200), time_bucket BIGINT, KEY idx_trace (trace_id))");
            s.execute("CREATE TABLE " + DATABASE + ".zipkin_query_20261205 (id VARCHAR(512) NOT NULL PRIMARY KEY, trace_id VARCHAR(200))");
            s.execute("CREATE TABLE " + DATABASE + ".zipkin_span_20261204 (id VARCHAR(512) NOT NULL PRIMARY KEY)"); // yesterday's
            s.execute("CREATE TABLE " + DATABASE + ".metrics_all (id VARCHAR(512) NOT NULL PRIMARY KEY)"); // not a day table
        }
    }

    @Test
    void eachOfTodaysTablesGetsTomorrowsTwinAndTheSpansOfAfterMidnightHaveATable() throws Exception {
        assertThat(ahead.makeTomorrows()).isEqualTo(2);

        assertThat(tables()).containsExactlyInAnyOrder("zipkin_span_20261205", "zipkin_query_20261205", "zipkin_span_20261204",
                "metrics_all", "zipkin_span_20261206", "zipkin_query_20261206");
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, USER, PASSWORD); Statement s = c.createStatement()) {
            assertThat(createStatement(s, "zipkin_span_20261206"))
                    .isEqualTo(createStatement(s, "zipkin_span_20261205").replace("zipkin_span_20261205", "zipkin_span_20261206"));
            s.executeUpdate("INSERT INTO zipkin_span_20261206 (id, trace_id, time_bucket) VALUES ('a', 't', 20261206000000)");
        }
    }

    @Test
    void runningAgainChangesNothing() throws Exception {
        ahead.makeTomorrows();
        List<String> once = tables();
        assertThat(ahead.makeTomorrows()).isEqualTo(2);
        assertThat(tables()).containsExactlyInAnyOrderElementsOf(once);
    }

    private static List<String> tables() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, USER, PASSWORD);
             ResultSet tables = c.getMetaData().getTables(DATABASE, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static String createStatement(Statement s, String table) throws Exception {
        try (ResultSet row = s.executeQuery("SHOW CREATE TABLE " + table)) {
            row.next();
            return row.getString(2);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
