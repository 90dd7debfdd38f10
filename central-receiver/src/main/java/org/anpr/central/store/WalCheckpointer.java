package org.anpr.central.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints day files' WALs on its own thread and connections. SQLite's automatic checkpoint
 * runs inside the commit that crosses the threshold: copying ~8,000 WAL pages into the database
 * file and fsyncing it (50-300 ms on the build machine) while every publish of that batch, and
 * all that queue behind it, wait for their PUBACK; at 5,000 reads/s that was most of the p99.
 *
 * <p>Here a {@code PASSIVE} checkpoint (never waits for, nor blocks, the writer; SQLite runs it
 * concurrently with commits by design) copies the bulk in the background. The writer keeps its
 * automatic checkpoint as the backstop that lets the WAL restart: when it fires, little is left
 * to copy. Durability is untouched: a commit is durable once its WAL frames are fsynced
 * ({@code synchronous=FULL}); a checkpoint only moves committed pages and fsyncs the database
 * file before the WAL may be reused.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wal-checkpoint");
        t.setDaemon(true);
        return t;
    });
    /** Guarded by itself, held while a checkpoint runs: the checkpointer's own connections. */
    private final Map<Path, Connection> connections = new HashMap<>();
    /** Guarded by this, never held long: the writer calls {@link #request} after its commits. */
    private final Set<Path> pending = new HashSet<>();
    private volatile boolean closed;

    /** Asks for a checkpoint of {@code file} (at most one queued per file); returns at once. */
    synchronized void request(Path file) {
        if (closed || !pending.add(file)) {
            return;
        }
        thread.execute(() -> checkpoint(file));
    }

    private void checkpoint(Path file) {
        synchronized (this) {
            pending.remove(file);
        }
        synchronized (connections) {
            if (closed) {
                return;
            }
            try {
                Connection c = connections.get(file);
                if (c == null) {
                    c = Sqlite.open(file);
                    connections.put(file, c);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                }
            } catch (SQLException | RuntimeException e) {
                // Only a lost optimisation: the writer's automatic checkpoint still runs.
                LOG.warn("background checkpoint of {} failed: {}", file.getFileName(), e.toString());
                Jdbc.closeQuietly(connections.remove(file));
            }
        }
    }

    /** Closes the connection to {@code file} (before it is deleted); waits for a running checkpoint. */
    void forget(Path file) {
        synchronized (this) {
            pending.remove(file);
        }
        synchronized (connections) {
            Jdbc.closeQuietly(connections.remove(file));
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            pending.clear();
        }
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (connections) {
            connections.values().forEach(Jdbc::closeQuietly);
            connections.clear();
        }
    }
}
