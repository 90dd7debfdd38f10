package org.anpr.central.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
 * runs inside the commit that crosses the threshold: copying thousands of WAL pages into the
 * database file and fsyncing it (50-300 ms on the build machine) while every publish of that
 * batch, and all that queue behind it, wait for their PUBACK; at 5,000 reads/s that was most of
 * the p99.
 *
 * <p>Here a {@code PASSIVE} checkpoint (never waits for, nor blocks, the writer; SQLite runs it
 * concurrently with commits by design) copies the pages in the background. Durability is
 * untouched: a commit is durable once its WAL frames are fsynced ({@code synchronous=FULL}); a
 * checkpoint only moves committed pages and fsyncs the database file before the WAL may be reused.
 *
 * <p>The WAL is reused from its start ("restarts") only when a write transaction <em>begins</em>
 * while every frame is already copied, which a background checkpoint racing the writer's commits
 * seldom arranges. So once a WAL holds {@link #RESTART_FRAMES} frames, the checkpointer copies in
 * rounds until a round finds (almost) nothing new, then marks the file {@link #restartDue}; the
 * writer, between two batches (after its PUBACKs went out), runs one last checkpoint of the few
 * frames committed since, and its next transaction restarts the WAL. Without this the writer's
 * own automatic checkpoint did that step inside a commit: ~1,000 frames and an fsync, 14-28 ms
 * added to every PUBACK of that batch and of the publishes queued behind it, once a second at
 * 5,000 reads/s — the p99.
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
    /**
     * Frames (4 KiB pages) a WAL may hold before the checkpointer prepares a restart: 512 MiB. With
     * small group commits a read costs ~3 WAL frames (each commit rewrites the index leaves it
     * touches), so at 5,000 reads/s this is a restart every ~8 s. The writer's last step costs
     * 5-40 ms here (mostly the database file's fsync), felt by the publishes arriving meanwhile: at
     * 32 MiB (a step every 0.5 s) and 128 MiB (every 2 s) those were 1-5 % of the publishes, the
     * p99; at 512 MiB ~0.3 %. The cost is disk (the WAL file keeps its largest size) and, after a
     * crash, reading up to that much WAL once when the file is reopened.
     */
    static final int RESTART_FRAMES = 131_072;
    /** A round that finds fewer new frames than this ends the catching up (about one commit's worth). */
    static final int CAUGHT_UP_FRAMES = 256;
    /** Bounds the catching-up rounds of one request, should the writer outpace them. */
    private static final int MAX_ROUNDS = 8;

    /** Guarded by this: files whose WAL is large and copied up to the last few commits. */
    private final Set<Path> restartDue = new HashSet<>();
    private final int restartFrames;
    private volatile boolean closed;

    WalCheckpointer() {
        this(RESTART_FRAMES);
    }

    WalCheckpointer(int restartFrames) {
        this.restartFrames = restartFrames;
    }

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
                int copied = passive(c);
                for (int round = 1; copied >= restartFrames && round < MAX_ROUNDS; round++) {
                    int before = copied;
                    copied = passive(c);
                    if (copied - before < CAUGHT_UP_FRAMES) {
                        synchronized (this) {
                            restartDue.add(file);
                        }
                        break;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                // Only a lost optimisation: the writer's automatic checkpoint still runs.
                LOG.warn("background checkpoint of {} failed: {}", file.getFileName(), e.toString());
                Jdbc.closeQuietly(connections.remove(file));
            }
        }
    }

    /**
     * Runs a {@code PASSIVE} checkpoint; returns the WAL's frames copied into the database so far
     * (all of them unless the writer committed meanwhile), or -1 when another checkpoint was running.
     */
    static int passive(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return rs.next() && rs.getInt(1) == 0 ? rs.getInt(3) : -1;
        }
    }

    /**
     * Whether {@code file}'s WAL is due for its restart; clears the mark. The writer then runs
     * {@link #passive} on its own connection between batches, so its next transaction begins
     * with every frame copied and reuses the WAL from the start.
     */
    synchronized boolean takeRestartDue(Path file) {
        return restartDue.remove(file);
    }

    /** Closes the connection to {@code file} (before it is deleted); waits for a running checkpoint. */
    void forget(Path file) {
        synchronized (this) {
            pending.remove(file);
            restartDue.remove(file);
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
            restartDue.clear();
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
