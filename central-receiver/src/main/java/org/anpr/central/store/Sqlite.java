package org.anpr.central.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens SQLite files the one way this store uses them. */
final class Sqlite {
    private Sqlite() {
    }

    /** Opens {@code file} ({@link #prepare}d) and runs {@code schema}. */
    static Connection open(Path file, String... schema) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            prepare(c, file.toString());
            for (String ddl : schema) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /**
     * The settings of every connection of the store: the busy handler ({@link SqliteBusyWait}),
     * WAL with {@code synchronous=FULL}. WAL lets readers run beside the writer; FULL fsyncs the
     * WAL on every commit. NORMAL would be faster but can lose the last commits on power loss,
     * and we have already sent PUBACK for them. Group commit amortises the fsync over a batch.
     * SQLite answers {@code journal_mode=WAL} with the mode it kept; anything but WAL is refused,
     * since the store's guarantees need it.
     */
    static void prepare(Connection c, String what) throws SQLException {
        SqliteBusyWait.install(c);
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
                String mode = rs.next() ? rs.getString(1) : "none";
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new SQLException(what + ": SQLite kept journal_mode " + mode + " instead of WAL"
                            + " (a file system without shared-memory support? the store needs WAL)");
                }
            }
            s.execute("PRAGMA synchronous=FULL");
        }
    }
}
