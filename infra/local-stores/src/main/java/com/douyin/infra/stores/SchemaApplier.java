package com.douyin.infra.stores;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Creates the database if missing and runs every *.sql file of a folder in name order, one
 * statement at a time (statements end with ';' at the end of a line; '--' lines are comments).
 * The files are idempotent, so this runs on every start: an ALTER that adds a column or key that
 * exists already (MySQL errors 1060, 1061), or drops one that is gone already (1091), was applied
 * before, and is skipped.
 * Usage: SchemaApplier --jdbc-url jdbc:mysql://HOST:PORT/ --user U --password P --database D --sql-dir DIR
 *        [--app-user NAME --app-password-file FILE]   (the services' account, DML on D only)
 */
public final class SchemaApplier {

    /** Duplicate column name, duplicate key name, can't drop a column or key that does not exist. */
    private static final Set<Integer> ALREADY_APPLIED = Set.of(1060, 1061, 1091);

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String url = args.get("jdbc-url");
        String database = args.get("database");
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("bad database name: " + database);
        }
        String options = "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=utf8";
        try (Connection connection = DriverManager.getConnection(url + options, args.get("user"), args.get("password", ""))) {
            try (Statement statement = connection.createStatement()) {
                if ("true".equals(args.get("recreate", "false"))) {
                    statement.execute("DROP DATABASE IF EXISTS `" + database + "`"); // a test run starts from the schema as it is now
                }
                statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4");
            }
            connection.setCatalog(database);
            for (Path file : sqlFiles(Path.of(args.get("sql-dir")))) {
                for (String sql : statements(file)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(sql);
                    } catch (SQLException e) {
                        if (ALREADY_APPLIED.contains(e.getErrorCode())) {
                            continue;
                        }
                        System.err.println("Failed in " + file.getFileName() + ": " + e.getMessage() + "\n" + sql);
                        System.exit(1);
                    }
                }
                System.out.println("applied " + file.getFileName());
            }
            String appUser = args.get("app-user", "");
            if (!appUser.isEmpty()) {
                grantApplicationUser(connection, database, appUser, Files.readString(Path.of(args.get("app-password-file"))).strip());
            }
        }
    }

    /**
     * The services' own account: reads and writes rows of {@code database}, nothing else (no DDL,
     * no other database). Made for local connections under both names MariaDB may give them (an
     * anonymous ''@localhost, as a fresh embedded MariaDB has, would otherwise take them) and for
     * other hosts; its password is set again at every run, so the generated file is what counts.
     */
    private static void grantApplicationUser(Connection connection, String database, String user, String password) throws SQLException {
        if (!user.matches("[A-Za-z0-9_]+") || !password.matches("[A-Za-z0-9]{32,}")) {
            throw new IllegalArgumentException("bad application user or password (letters and digits, a password of 32 or more)");
        }
        for (String host : List.of("localhost", "127.0.0.1", "%")) {
            String account = "'" + user + "'@'" + host + "'";
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + password + "'");
                statement.execute("ALTER USER " + account + " IDENTIFIED BY '" + password + "'");
                statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + database + "`.* TO " + account);
            }
        }
        System.out.println("application user " + user + ": SELECT, INSERT, UPDATE, DELETE on " + database);
    }

    private static List<Path> sqlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }

    static List<String> statements(Path file) throws IOException {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
