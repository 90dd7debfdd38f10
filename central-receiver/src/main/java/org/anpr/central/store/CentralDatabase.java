package org.anpr.central.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.anpr.central.config.StoreConfig;

/**
 * Connections of the operators' API to the central database ({@code central.db} or the
 * PostgreSQL database), separate from the writer's: a search or an account change never waits
 * for, or holds up, a group commit's connection. A small fixed pool, one connection per API
 * worker; SQLite connections begin their transactions IMMEDIATE so that two writers queue on the
 * busy timeout instead of failing on a lock upgrade.
 */
public final class CentralDatabase implements AutoCloseable {
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** One row of a result set as a value. */
    @FunctionalInterface
    public interface Row<T> {
        T map(java.sql.ResultSet rs) throws SQLException;
    }

    private final SqlDialect dialect;
    private final StoreConfig config;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final int size;
    private volatile boolean closed;

    private CentralDatabase(StoreConfig config, int size) {
        this.config = config;
        this.dialect = config.type() == StoreConfig.Type.POSTGRESQL ? SqlDialect.POSTGRESQL : SqlDialect.SQLITE;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /** Opens the pool and creates {@code schema} (templates, see {@link SqlDialect}) if missing. */
    public static CentralDatabase open(StoreConfig config, int connections, List<String> schema) throws StoreException {
        CentralDatabase db = new CentralDatabase(config, connections);
        try {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String ddl : schema) {
                        s.execute(db.dialect.ddl(ddl));
                    }
                }
                return null;
            });
        } catch (StoreException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** The directory of the SQLite day files, or null with PostgreSQL. */
    public Path readsDirectory() {
        return dialect == SqlDialect.SQLITE ? config.directory() : null;
    }

    /** Runs {@code work} with autocommit on. */
    public <T> T read(Work<T> work) throws StoreException {
        Connection c = take();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("central database query failed: " + e.getMessage(), e);
        } finally {
            idle.offer(c);
        }
    }

    /** The rows of {@code sql} with {@code args} bound in order, each mapped by {@code row}. */
    public <T> java.util.List<T> list(String sql, java.util.List<?> args, Row<T> row) throws StoreException {
        return read(c -> list(c, sql, args, row));
    }

    /** The same on the caller's connection (inside a transaction). */
    public static <T> java.util.List<T> list(Connection c, String sql, java.util.List<?> args, Row<T> row) throws SQLException {
        java.util.List<T> out = new ArrayList<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
        }
        return out;
    }

    /** Runs {@code work} in one transaction, rolled back on any failure. */
    public <T> T transaction(Work<T> work) throws StoreException {
        Connection c = take();
        try {
            java.util.List<T> result = new ArrayList<>(1);
            Jdbc.inTransaction(c, tx -> result.add(work.run(tx)));
            return result.get(0);
        } catch (SQLException e) {
            throw new StoreException("central database update failed: " + e.getMessage(), e);
        } finally {
            idle.offer(c);
        }
    }

    private Connection take() throws StoreException {
        if (closed) {
            throw new StoreException("the central database is closed", null);
        }
        Connection c = idle.poll();
        if (c != null) {
            return c;
        }
        synchronized (all) {
            if (all.size() < size) {
                Connection fresh = connect();
                all.add(fresh);
                return fresh;
            }
        }
        try {
            c = idle.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted waiting for a database connection", e);
        }
        if (c == null) {
            throw new StoreException("no database connection free for 30 s", null);
        }
        return c;
    }

    private Connection connect() throws StoreException {
        try {
            if (dialect == SqlDialect.POSTGRESQL) {
                return Postgres.connect(config.postgresql());
            }
            Files.createDirectories(config.directory());
            Properties p = new Properties();
            p.setProperty("transaction_mode", "IMMEDIATE");
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + config.directory().resolve("central.db").toAbsolutePath(), p);
            try {
                Sqlite.prepare(c, "central.db");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot connect to the central database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            all.forEach(Jdbc::closeQuietly);
            all.clear();
        }
    }
}
