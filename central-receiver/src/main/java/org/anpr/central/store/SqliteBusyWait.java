package org.anpr.central.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;

/**
 * How a connection waits for SQLite's write lock. SQLite's own {@code busy_timeout} sleeps in
 * growing steps (1, 2, 5, 10 ... 100 ms) whatever the lock holder does: a writer that finds
 * {@code central.db} held by a 3 ms audit commit of an API search typically loses 10–30 ms, and
 * under a steady stream of such commits the ingest writer's PUBACKs pay it again and again. This
 * handler polls every 50 µs for the first 20 ms (a commit of another connection is a few
 * milliseconds), then every millisecond, and gives up after {@link #TIMEOUT_MILLIS} as the
 * pragma did.
 */
final class SqliteBusyWait extends BusyHandler {
    static final long TIMEOUT_MILLIS = 10_000;
    private static final long FAST_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long FAST_POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long SLOW_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private long waitingSince;

    private SqliteBusyWait() {
    }

    /** Installs the handler on {@code c} (replacing any {@code busy_timeout}). */
    static void install(Connection c) throws SQLException {
        BusyHandler.setHandler(c, new SqliteBusyWait());
    }

    @Override
    protected int callback(int previousCalls) {
        long now = System.nanoTime();
        if (previousCalls == 0) {
            waitingSince = now;
        }
        long waited = now - waitingSince;
        if (waited >= TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS)) {
            return 0; // SQLITE_BUSY to the caller
        }
        LockSupport.parkNanos(waited < FAST_NANOS ? FAST_POLL_NANOS : SLOW_POLL_NANOS);
        return 1;
    }
}
