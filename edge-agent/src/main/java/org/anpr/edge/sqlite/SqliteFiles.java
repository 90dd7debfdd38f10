package org.anpr.edge.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens the agent's SQLite files the same way everywhere: WAL, full fsync, a busy timeout. */
public final class SqliteFiles {
    private static final org.sqlite.JDBC DRIVER = new org.sqlite.JDBC();

    private SqliteFiles() {
    }

    /**
     * Opens (creating when absent) a database file. {@code synchronous=FULL} makes every commit
     * durable against power loss too, not only against a crashed process: a gantry cabinet
     * loses power far more often than a server.
     */
    public static Connection open(Path file) throws SQLException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        // the driver directly, not through DriverManager: in an OSGi framework (the Kura bundle)
        // DriverManager's service lookup does not see drivers inside a bundle
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Connection c = DRIVER.connect(url, new java.util.Properties());
        if (c == null) {
            throw new SQLException("the SQLite driver does not accept " + url);
        }
        try (Statement s = c.createStatement()) {
            requireWal(c, file.toString());
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
        }
        return c;
    }

    /**
     * Switches the connection to WAL and checks SQLite did: it answers with the mode it kept
     * (e.g. {@code delete} where the file system cannot share memory), and the durability and
     * concurrency the stores promise hold only in WAL.
     */
    static void requireWal(Connection c, String what) throws SQLException {
        try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
            String mode = rs.next() ? rs.getString(1) : "none";
            if (!"wal".equalsIgnoreCase(mode)) {
                c.close();
                throw new SQLException(what + ": SQLite kept journal_mode " + mode + " instead of WAL"
                        + " (a file system without shared-memory support? the stores need WAL)");
            }
        }
    }

    /** Runs {@code work} in one transaction; any exception rolls everything back. */
    public static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Work done inside {@link #inTransaction}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Executes schema statements. */
    public static void exec(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
