package com.douyin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services reach MySQL through an account of their own (douyin_app, made by the launcher's
 * schema step) that reads and writes the rows of the system's database and can do nothing else.
 */
@ExtendWith(DouyinSystem.class)
class LeastPrivilegeEndToEndIT {

    private static final String APP_USER = "douyin_app";

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @Test
    void theServicesConnectAsTheApplicationAccountWhichHasRowRightsOnItsDatabaseOnly() throws Exception {
        try (SystemStores stores = new SystemStores()) {
            String database = stores.database();
            Connection admin = stores.connection();
            List<String> users = column(admin, "SELECT DISTINCT USER FROM information_schema.PROCESSLIST"
                    + " WHERE DB = '" + database + "' AND ID <> CONNECTION_ID()");
            assertThat(users).as("the services' connections to " + database).containsOnly(APP_USER);

            String grants = String.join("\n", column(admin, "SHOW GRANTS FOR '" + APP_USER + "'@'127.0.0.1'"));
            assertThat(grants).contains("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + database + "`.*")
                    .doesNotContain("ALL PRIVILEGES").doesNotContainPattern("GRANT (?!USAGE)[A-Z, ]+ ON \\*\\.\\*");

            String password = Files.readString(DouyinSystem.REPO.resolve(".run/secrets/mysql-app-password")).strip();
            try (Connection app = DriverManager.getConnection(stores.jdbcUrl(), APP_USER, password);
                 Statement statement = app.createStatement()) {
                assertThat(column(app, "SELECT COUNT(*) FROM video")).hasSize(1);
                assertThatThrownBy(() -> statement.execute("DROP TABLE video")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> statement.execute("CREATE TABLE intruder (id INT)")).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM mysql.user")).isInstanceOf(SQLException.class);
            }
        }
    }
}
