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
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
            for (String ddl : schema) {
                s.execute(ddl);
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Runs {@code work} in one transaction; rolls back on any failure. */
    static void inTransaction(Connection c, SqlWork work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run(c);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // closing: nothing left to do with it
        }
    }
}
