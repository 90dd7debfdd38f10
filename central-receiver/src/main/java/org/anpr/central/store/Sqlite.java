package org.anpr.central.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens SQLite files the one way this store uses them. */
final class Sqlite {
    private Sqlite() {
    }

    /**
     * WAL with {@code synchronous=FULL}: WAL lets readers run beside the writer; FULL fsyncs the
     * WAL on every commit. NORMAL would be faster but can lose the last commits on power loss,
     * and we have already sent PUBACK for them. Group commit amortises the fsync over a batch.
     */
    static Connection open(Path file, String... schema) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            SqliteBusyWait.install(c);
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            for (String ddl : schema) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
