package org.anpr.central.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.anpr.protocol.v1.PlateRead;

/**
 * The embedded store: {@code central.db} for alerts, violations, quarantine, fleet and held
 * deliveries, plus one file per day of reads ({@link ReadPartitions}).
 */
public class SqliteReadStore extends JdbcReadStore {
    private final Path directory;
    private final Connection central;
    private final ReadPartitions reads;
    private boolean centralFull = true;

    public SqliteReadStore(Path directory) throws StoreException {
        super(SqlDialect.SQLITE);
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            this.central = Sqlite.open(centralFile(), CentralTables.schema(SqlDialect.SQLITE));
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
    Connection central() {
        return central;
    }

    @Override
    void write(List<StoreWrite.Read> readWrites, List<StoreWrite> centralWrites, boolean centralWork) throws SQLException {
        // Day files first, central last: a crash in between leaves reads without their
        // acknowledgement, and the redelivery is deduplicated.
        if (!readWrites.isEmpty()) {
            reads.insert(readWrites);
        }
        if (centralWork) {
            durability(acknowledgedCentralWork(centralWrites));
            Jdbc.inTransaction(central, c -> CentralTables.write(c, centralWrites));
        }
    }

    /** Finishes the WAL restarts the background checkpointer has prepared ({@link ReadPartitions#restartDueWals}). */
    @Override
    public synchronized boolean betweenCommits() throws StoreException {
        try {
            return reads.restartDueWals() > 0;
        } catch (SQLException e) {
            throw new StoreException("checkpoint of a day file failed: " + e.getMessage(), e);
        }
    }

    /**
     * Last-seen times and presence are bookkeeping no PUBACK promises (last-seen times are merged
     * and written about once a second, see {@link JdbcReadStore#SEEN_FLUSH_NANOS}): a transaction
     * with nothing else for {@code central.db} commits with {@code synchronous=NORMAL}
     * (no fsync of its own; a power loss may forget the newest last-seen times, the next message
     * restores them). Anything acknowledged (alerts, violations, quarantine, status, held passages)
     * commits with FULL, whose fsync also covers the WAL frames of the NORMAL commits before it.
     */
    private static boolean acknowledgedCentralWork(List<StoreWrite> writes) {
        for (StoreWrite w : writes) {
            if (!(w instanceof StoreWrite.Read || w instanceof StoreWrite.Seen || w instanceof StoreWrite.Presence)) {
                return true;
            }
        }
        return false;
    }

    private void durability(boolean full) throws SQLException {
        if (full != centralFull) {
            try (Statement s = central.createStatement()) {
                s.execute(full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
            }
            centralFull = full;
        }
    }

    @Override
    long countReadRows() throws SQLException, IOException {
        long n = 0;
        for (LocalDate day : reads.days()) {
            n += Jdbc.scalar(reads.connection(day), "SELECT count(*) FROM reads");
        }
        return n;
    }

    @Override
    Optional<PlateRead> findReadRow(byte[] readId) throws SQLException, IOException {
        LocalDate day = ReadRows.dayOf(readId);
        if (!reads.days().contains(day)) {
            return Optional.empty();
        }
        try (PreparedStatement ps = reads.connection(day).prepareStatement(
                "SELECT details, crop, overview FROM reads WHERE read_id = ?")) {
            ps.setBytes(1, readId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ReadRows.decode(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3))) : Optional.empty();
            }
        }
    }

    @Override
    int dropReadsBefore(Instant cutoff) throws IOException {
        return reads.dropBefore(cutoff);
    }

    @Override
    void closeConnections() {
        reads.close();
        Jdbc.closeQuietly(central);
    }
}
