package org.anpr.central.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.anpr.central.config.StoreConfig;

/** Opens PostgreSQL connections the one way this store uses them. */
final class Postgres {
    private Postgres() {
    }

    /**
     * {@code synchronous_commit} is left at the server's default ({@code on}): a commit returns
     * once the WAL is flushed, which is what a PUBACK promises. {@code reWriteBatchedInserts}
     * turns a JDBC batch into multi-row INSERTs (one round trip per 128 rows, not per row).
     */
    static Connection connect(StoreConfig.PostgresConfig config) throws SQLException {
        Properties p = new Properties();
        if (config.user() != null && !config.user().isEmpty()) {
            p.setProperty("user", config.user());
        }
        if (config.password() != null && !config.password().isEmpty()) {
            p.setProperty("password", config.password());
        }
        p.setProperty("reWriteBatchedInserts", "true");
        p.setProperty("ApplicationName", "anpr-central-receiver");
        return DriverManager.getConnection(config.url(), p);
    }
}
