package org.anpr.central.search;

import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.anpr.central.config.StoreConfig;
import org.anpr.central.store.StoreException;

/**
 * The search of the PostgreSQL store: one query per search on {@code reads}, whose
 * {@code id_day} bounds let the planner skip day partitions that cannot hold hits. Connections
 * are its own, not the writer's (whose store methods hold one lock): a small pool, connections
 * made on demand and up to {@value #IDLE} kept for reuse; a connection that failed is closed.
 */
public final class PostgresReadSearch implements ReadSearch {
    static final int IDLE = 4;

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, InvalidProtocolBufferException;
    }

    private final StoreConfig.PostgresConfig config;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private volatile boolean closed;

    /** Connects once, so that a wrong URL or password shows at start, not at the first search. */
    public PostgresReadSearch(StoreConfig.PostgresConfig config) throws StoreException {
        this.config = config;
        withConnection("connect", c -> null);
    }

    @Override
    public List<ReadHit> search(ReadQuery q) throws StoreException {
        return withConnection("search reads", SearchSql.hits(q, false, SearchSql.Dialect.POSTGRESQL)::hits);
    }

    @Override
    public List<ReadHit> trajectory(String plateText, long fromMicros, long toMicros, int limit) throws StoreException {
        ReadQuery q = SearchSql.trajectory(plateText, fromMicros, toMicros, limit);
        return withConnection("follow a plate", SearchSql.hits(q, true, SearchSql.Dialect.POSTGRESQL)::hits);
    }

    @Override
    public Optional<StoredRead> find(byte[] readId) throws StoreException {
        return withConnection("look up a read", SearchSql.find(readId, SearchSql.Dialect.POSTGRESQL)::stored);
    }

    @Override
    public List<ReadStats.Bucket> stats(long fromMicros, long toMicros, String gantryId) throws StoreException {
        return withConnection("count reads", c -> ReadStats.query(c, fromMicros, toMicros, gantryId));
    }

    private <T> T withConnection(String what, Work<T> work) throws StoreException {
        Connection c = null;
        try {
            c = borrow();
            T result = work.run(c);
            release(c);
            return result;
        } catch (SQLException | InvalidProtocolBufferException e) {
            close(c);
            throw new StoreException("cannot " + what + " at " + config.url() + ": " + e.getMessage(), e);
        }
    }

    private Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("the search is closed");
        }
        Connection c = idle.pollFirst();
        if (c != null) {
            idleCount.decrementAndGet();
            return c;
        }
        Properties p = new Properties();
        if (config.user() != null && !config.user().isEmpty()) {
            p.setProperty("user", config.user());
        }
        if (config.password() != null && !config.password().isEmpty()) {
            p.setProperty("password", config.password());
        }
        p.setProperty("ApplicationName", "anpr-central-search");
        c = DriverManager.getConnection(config.url(), p);
        c.setReadOnly(true);
        return c;
    }

    private void release(Connection c) {
        if (!closed && idleCount.incrementAndGet() <= IDLE) {
            idle.addFirst(c);
            if (closed && idle.remove(c)) { // closed meanwhile: close() may have missed it
                close(c);
            }
        } else {
            idleCount.decrementAndGet();
            close(c);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c; (c = idle.pollFirst()) != null; ) {
            idleCount.decrementAndGet();
            close(c);
        }
    }

    private static void close(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // closing: nothing left to do with it
        }
    }

    @Override
    public String toString() {
        return "PostgresReadSearch[" + config.url() + "]";
    }
}
