package com.douyin.infra.oap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes tomorrow's day tables ahead of the OAP. Its JDBC storage keeps a table per day for each
 * record and metric ({@code zipkin_span_20261206}, ...): it makes today's at start, and tomorrow's
 * only when its data keeper runs, every {@code dataKeeperExecutePeriod} (30 min) and the first
 * time that long after start. An OAP started in a day's last half hour therefore lost every span
 * after midnight until then (each insert failed on the missing table). This copies each of
 * today's tables as tomorrow's ({@code CREATE TABLE ... LIKE}) at start and every half hour, in
 * the JVM's time zone, as the OAP names its tables.
 */
final class DayTablesAhead implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DayTablesAhead.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE; // yyyyMMdd
    private static final long PERIOD_MINUTES = 30;

    private final String url;
    private final String user;
    private final String password;
    private final Clock clock;

    DayTablesAhead(String url, String user, String password, Clock clock) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.clock = clock;
    }

    /** Runs now and every half hour on a daemon thread of its own. */
    void schedule() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "day-tables-ahead");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this, 0, PERIOD_MINUTES, TimeUnit.MINUTES);
    }

    @Override
    public void run() {
        try {
            int made = makeTomorrows();
            log.debug("{} day tables of tomorrow ensured", made);
        } catch (SQLException | RuntimeException e) {
            log.warn("Tomorrow's day tables could not be made ahead (the OAP's keeper makes them later): {}", e.toString());
        }
    }

    /** Copies each of today's day tables of the connected database as tomorrow's; answers how many it saw. */
    int makeTomorrows() throws SQLException {
        LocalDate today = LocalDate.now(clock);
        String todaySuffix = "_" + today.format(DAY);
        String tomorrowSuffix = "_" + today.plusDays(1).format(DAY);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            List<String> todays = new ArrayList<>();
            try (ResultSet tables = c.getMetaData().getTables(c.getCatalog(), null, "%" + todaySuffix, new String[] {"TABLE"})) {
                while (tables.next()) {
                    String name = tables.getString("TABLE_NAME");
                    if (name.endsWith(todaySuffix)) { // the pattern's "_" matches any character
                        todays.add(name);
                    }
                }
            }
            try (Statement statement = c.createStatement()) {
                for (String table : todays) {
                    String tomorrows = table.substring(0, table.length() - todaySuffix.length()) + tomorrowSuffix;
                    statement.executeUpdate("CREATE TABLE IF NOT EXISTS `" + tomorrows + "` LIKE `" + table + "`");
                }
            }
            return todays.size();
        }
    }
}
