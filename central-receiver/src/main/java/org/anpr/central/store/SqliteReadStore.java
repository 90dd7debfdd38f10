package org.anpr.central.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anpr.protocol.v1.GantryStatus;
import org.anpr.protocol.v1.PlateRead;

/**
 * The embedded store: {@code central.db} for alerts, violations, quarantine, fleet and held
 * deliveries, plus one file per day of reads ({@link ReadPartitions}).
 *
 * <p>Methods are synchronized: the group-commit writer is the only heavy user, and queries are
 * rare (operators, tests), so one lock is simpler than a connection pool and costs nothing.
 */
public class SqliteReadStore implements ReadStore {
    private final Path directory;
    private final Connection central;
    private final ReadPartitions reads;

    public SqliteReadStore(Path directory) throws StoreException {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            this.central = Sqlite.open(directory.resolve("central.db"), CentralTables.SCHEMA);
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the store in " + directory.toAbsolutePath(), e);
        }
        this.reads = new ReadPartitions(directory);
    }

    /** The central database file, shared with the hotlist's own tables. */
    public Path centralFile() {
        return directory.resolve("central.db");
    }

    @Override
    public synchronized void commit(List<StoreWrite> writes) throws StoreException {
        List<StoreWrite.Read> readWrites = new ArrayList<>();
        boolean centralWork = false;
        for (StoreWrite w : writes) {
            if (w instanceof StoreWrite.Read r) {
                readWrites.add(r);
            } else {
                centralWork = true;
            }
        }
        try {
            // Day files first, central last: a crash in between leaves reads without their
            // acknowledgement, and the redelivery is deduplicated.
            if (!readWrites.isEmpty()) {
                reads.insert(readWrites);
            }
            if (centralWork) {
                Sqlite.inTransaction(central, c -> CentralTables.write(c, writes));
            }
        } catch (SQLException | RuntimeException e) {
            throw new StoreException("commit of " + writes.size() + " writes failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long countReads() throws StoreException {
        long n = 0;
        try {
            for (LocalDate day : reads.days()) {
                n += scalar(reads.connection(day), "SELECT count(*) FROM reads");
            }
            return n;
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot count reads", e);
        }
    }

    @Override
    public synchronized Optional<PlateRead> findRead(byte[] readId) throws StoreException {
        try {
            LocalDate day = ReadPartitions.dayOf(readId);
            if (!reads.days().contains(day)) {
                return Optional.empty();
            }
            try (PreparedStatement ps = reads.connection(day).prepareStatement(
                    "SELECT details, crop, overview FROM reads WHERE read_id = ?")) {
                ps.setBytes(1, readId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    PlateRead.Builder b = PlateRead.parseFrom(rs.getBytes(1)).toBuilder();
                    byte[] crop = rs.getBytes(2);
                    byte[] overview = rs.getBytes(3);
                    if (crop != null) {
                        b.setPlateCrop(b.getPlateCrop().toBuilder().setData(ByteString.copyFrom(crop)));
                    }
                    if (overview != null) {
                        b.setOverview(b.getOverview().toBuilder().setData(ByteString.copyFrom(overview)));
                    }
                    return Optional.of(b.build());
                }
            }
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot look up a read", e);
        }
    }

    @Override
    public synchronized long countAlerts(StoreWrite.AlertSource source) throws StoreException {
        return count("SELECT count(*) FROM alerts WHERE source = '" + source.name() + "'");
    }

    @Override
    public synchronized long countViolations() throws StoreException {
        return count("SELECT count(*) FROM violations");
    }

    @Override
    public synchronized List<RejectedPayload> rejected() throws StoreException {
        List<RejectedPayload> out = new ArrayList<>();
        try (PreparedStatement ps = central.prepareStatement(
                "SELECT gantry_id, topic, problem, reason, payload, received_micros FROM rejected ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RejectedPayload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), rs.getLong(6)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list rejected payloads", e);
        }
    }

    @Override
    public synchronized List<PendingDelivery> pendingDeliveries() throws StoreException {
        List<PendingDelivery> out = new ArrayList<>();
        try (PreparedStatement ps = central.prepareStatement(
                "SELECT gantry_id, message_id, topic, payload, enqueued_micros, expires_micros FROM deliveries ORDER BY enqueued_micros, rowid");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PendingDelivery(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4), rs.getLong(5), rs.getLong(6)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list pending deliveries", e);
        }
    }

    @Override
    public synchronized List<FleetEntry> fleet() throws StoreException {
        List<FleetEntry> out = new ArrayList<>();
        try (PreparedStatement ps = central.prepareStatement(
                "SELECT gantry_id, online, last_seen_micros, state, hotlist_version, outbox_backlog, status FROM fleet ORDER BY gantry_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byte[] status = rs.getBytes(7);
                out.add(new FleetEntry(rs.getString(1), rs.getInt(2) != 0, rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), status == null ? null : GantryStatus.parseFrom(status)));
            }
            return out;
        } catch (SQLException | InvalidProtocolBufferException e) {
            throw new StoreException("cannot list the fleet", e);
        }
    }

    @Override
    public synchronized PurgeResult purge(Cutoffs cutoffs) throws StoreException {
        try {
            int files = reads.dropBefore(cutoffs.reads());
            int[] rows = new int[4];
            Sqlite.inTransaction(central, c -> {
                rows[0] = CentralTables.update(c, "DELETE FROM alerts WHERE received_micros < ?", micros(cutoffs.alerts()));
                rows[1] = CentralTables.update(c, "DELETE FROM violations WHERE received_micros < ?", micros(cutoffs.violations()));
                rows[2] = CentralTables.update(c, "DELETE FROM rejected WHERE received_micros < ?", micros(cutoffs.rejected()));
                rows[3] = CentralTables.update(c, "DELETE FROM deliveries WHERE expires_micros > 0 AND expires_micros < ?",
                        micros(cutoffs.now()));
            });
            return new PurgeResult(files, rows[0], rows[1], rows[2], rows[3]);
        } catch (IOException | SQLException e) {
            throw new StoreException("retention purge failed", e);
        }
    }

    private static long micros(java.time.Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    @Override
    public synchronized void close() {
        reads.close();
        Sqlite.closeQuietly(central);
    }

    private long count(String sql) throws StoreException {
        try {
            return scalar(central, sql);
        } catch (SQLException e) {
            throw new StoreException("query failed: " + sql, e);
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
