package org.anpr.central.store;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anpr.protocol.v1.PlateRead;

/**
 * What the SQLite and PostgreSQL stores share: splitting a batch into reads and the rest, the
 * central tables ({@link CentralTables}) and their queries, retention. Subclasses say where reads
 * go (day files, day partitions) and how a batch becomes transactions.
 *
 * <p>Methods are synchronized: the group-commit writer is the only heavy user, and queries are
 * rare (operators, tests), so one lock is simpler than a connection pool and costs nothing.
 */
abstract class JdbcReadStore implements ReadStore {
    /**
     * Last-seen times are bookkeeping no PUBACK promises, yet every message carries one: they are
     * merged here (latest per gantry) and written at most once a second, or with the next batch
     * that has other central work, instead of costing every group commit a second transaction
     * ({@code central.db} in SQLite) or an upsert per gantry (PostgreSQL).
     */
    static final long SEEN_FLUSH_NANOS = 1_000_000_000L;

    private final SqlDialect dialect;
    private final Map<String, Long> pendingSeen = new HashMap<>();
    private long seenFlushedNanos = System.nanoTime();

    JdbcReadStore(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The connection to the central tables. */
    abstract Connection central();

    /** Commits {@code reads} and, when {@code centralWork}, the writes of {@code central} (no reads among them). */
    abstract void write(List<StoreWrite.Read> reads, List<StoreWrite> central, boolean centralWork) throws SQLException;

    abstract long countReadRows() throws SQLException, IOException;

    abstract Optional<PlateRead> findReadRow(byte[] readId) throws SQLException, IOException;

    /** Drops the read partitions whose whole day ends before {@code cutoff}; returns how many. */
    abstract int dropReadsBefore(Instant cutoff) throws SQLException, IOException;

    abstract void closeConnections();

    @Override
    public final synchronized void commit(List<StoreWrite> writes) throws StoreException {
        List<StoreWrite.Read> reads = new ArrayList<>(writes.size());
        List<StoreWrite> central = new ArrayList<>();
        for (StoreWrite w : writes) {
            if (w instanceof StoreWrite.Read r) {
                reads.add(r);
            } else if (w instanceof StoreWrite.Seen s) {
                pendingSeen.merge(s.gantryId(), s.atMicros(), Math::max);
            } else {
                central.add(w);
            }
        }
        boolean flushSeen = !pendingSeen.isEmpty()
                && (!central.isEmpty() || System.nanoTime() - seenFlushedNanos >= SEEN_FLUSH_NANOS);
        if (flushSeen) {
            pendingSeen.forEach((gantry, at) -> central.add(new StoreWrite.Seen(gantry, at)));
        }
        try {
            write(reads, central, !central.isEmpty());
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("commit of " + writes.size() + " writes failed: " + e.getMessage(), e);
        }
        if (flushSeen) {
            pendingSeen.clear();
            seenFlushedNanos = System.nanoTime();
        }
    }

    /** Writes the last-seen times held back by {@link #commit}; before queries of the fleet and on close. */
    private void flushSeen() throws SQLException {
        if (!pendingSeen.isEmpty()) {
            List<StoreWrite> seen = new ArrayList<>();
            pendingSeen.forEach((gantry, at) -> seen.add(new StoreWrite.Seen(gantry, at)));
            write(List.of(), seen, true);
            pendingSeen.clear();
            seenFlushedNanos = System.nanoTime();
        }
    }

    @Override
    public final synchronized long countReads() throws StoreException {
        try {
            return countReadRows();
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot count reads", e);
        }
    }

    @Override
    public final synchronized Optional<PlateRead> findRead(byte[] readId) throws StoreException {
        try {
            return findReadRow(readId);
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot look up a read", e);
        }
    }

    @Override
    public final synchronized long countAlerts(StoreWrite.AlertSource source) throws StoreException {
        try {
            return CentralTables.countAlerts(central(), source);
        } catch (SQLException e) {
            throw new StoreException("cannot count alerts", e);
        }
    }

    @Override
    public final synchronized long countViolations() throws StoreException {
        try {
            return CentralTables.countViolations(central());
        } catch (SQLException e) {
            throw new StoreException("cannot count violations", e);
        }
    }

    @Override
    public final synchronized java.util.Map<String, org.anpr.protocol.v1.SectionViolation> latestViolations() throws StoreException {
        try {
            return CentralTables.latestViolations(central());
        } catch (SQLException e) {
            throw new StoreException("cannot read the latest violations", e);
        }
    }

    @Override
    public final synchronized List<RejectedPayload> rejected() throws StoreException {
        try {
            return CentralTables.rejected(central());
        } catch (SQLException e) {
            throw new StoreException("cannot list rejected payloads", e);
        }
    }

    @Override
    public final synchronized List<PendingDelivery> pendingDeliveries() throws StoreException {
        try {
            return CentralTables.pendingDeliveries(central(), dialect);
        } catch (SQLException e) {
            throw new StoreException("cannot list pending deliveries", e);
        }
    }

    @Override
    public final synchronized List<FleetEntry> fleet() throws StoreException {
        try {
            flushSeen();
            return CentralTables.fleet(central());
        } catch (SQLException | InvalidProtocolBufferException e) {
            throw new StoreException("cannot list the fleet", e);
        }
    }

    @Override
    public final synchronized PurgeResult purge(Cutoffs cutoffs) throws StoreException {
        try {
            int partitions = dropReadsBefore(cutoffs.reads());
            int[] rows = CentralTables.purge(central(), cutoffs);
            return new PurgeResult(partitions, rows[0], rows[1], rows[2], rows[3]);
        } catch (IOException | SQLException e) {
            throw new StoreException("retention purge failed", e);
        }
    }

    @Override
    public final synchronized void close() {
        try {
            flushSeen();
        } catch (SQLException | RuntimeException e) {
            // closing: the newest last-seen times are bookkeeping; the next message restores them
        }
        closeConnections();
    }
}
