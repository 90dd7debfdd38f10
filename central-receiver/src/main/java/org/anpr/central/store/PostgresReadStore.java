package org.anpr.central.store;

import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.anpr.central.config.StoreConfig;
import org.anpr.protocol.v1.PlateRead;

/**
 * The production store: one PostgreSQL database. Reads go to {@code reads}, partitioned by range
 * on {@code id_day} — the UTC day of the read id's UUIDv7 time, i.e. the capture day — with one
 * partition per day created on demand ({@link DayPartitions}). The primary key of a partitioned
 * table must contain the partition key, so it is {@code (read_id, id_day)}; since {@code id_day}
 * is a function of {@code read_id}, that is still unique per read id, and a redelivered read hits
 * the same partition where {@code ON CONFLICT DO NOTHING} drops it. Images are BYTEA columns.
 * A batch is ONE transaction (reads and central tables together). Searches have connections of
 * their own ({@code org.anpr.central.search.PostgresReadSearch}).
 */
public final class PostgresReadStore extends JdbcReadStore {
    static final String[] SCHEMA = SqlDialect.POSTGRESQL.ddl(
            "CREATE TABLE IF NOT EXISTS reads(" + ReadRows.COLUMN_DDL + ", id_day DATE NOT NULL, PRIMARY KEY(read_id, id_day))"
                    + " PARTITION BY RANGE (id_day)",
            "CREATE INDEX IF NOT EXISTS reads_plate ON reads(plate_text, capture_micros)",
            "CREATE INDEX IF NOT EXISTS reads_gantry ON reads(gantry_id, capture_micros)");
    private static final String INSERT = "INSERT INTO reads(" + ReadRows.COLUMNS + ", id_day) VALUES ("
            + ReadRows.placeholders(ReadRows.COUNT + 1) + ") ON CONFLICT DO NOTHING";

    private final Connection c;
    private final DayPartitions partitions;
    private final String url;

    public PostgresReadStore(StoreConfig.PostgresConfig config) throws StoreException {
        super(SqlDialect.POSTGRESQL);
        this.url = config.url();
        Connection conn = null;
        try {
            conn = Postgres.connect(config);
            try (Statement s = conn.createStatement()) {
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
                for (String ddl : CentralTables.schema(SqlDialect.POSTGRESQL)) {
                    s.execute(ddl);
                }
            }
            ReadRows.upgradePostgres(conn); // a reads table made before plate_key gets it, filled, and its index
            this.partitions = new DayPartitions(conn);
        } catch (SQLException e) {
            Jdbc.closeQuietly(conn);
            throw new StoreException("cannot open the PostgreSQL store at " + config.url() + ": " + e.getMessage(), e);
        }
        this.c = conn;
    }

    @Override
    Connection central() {
        return c;
    }

    @Override
    void write(List<StoreWrite.Read> reads, List<StoreWrite> central, boolean centralWork) throws SQLException {
        for (StoreWrite.Read r : reads) {
            partitions.ensure(ReadRows.dayOf(r)); // DDL outside the batch's transaction; a no-op once known
        }
        Jdbc.inTransaction(c, tx -> {
            if (!reads.isEmpty()) {
                try (PreparedStatement ps = tx.prepareStatement(INSERT)) {
                    for (StoreWrite.Read w : reads) {
                        ReadRows.bind(ps, w);
                        ps.setObject(ReadRows.COUNT + 1, ReadRows.dayOf(w));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (centralWork) {
                CentralTables.write(tx, central);
            }
        });
    }

    @Override
    long countReadRows() throws SQLException {
        return Jdbc.scalar(c, "SELECT count(*) FROM reads");
    }

    @Override
    Optional<PlateRead> findReadRow(byte[] readId) throws SQLException, InvalidProtocolBufferException {
        try (PreparedStatement ps = c.prepareStatement("SELECT details, crop, overview FROM reads WHERE read_id = ? AND id_day = ?")) {
            ps.setBytes(1, readId);
            ps.setObject(2, ReadRows.dayOf(readId)); // only that day's partition is searched
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(ReadRows.decode(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3))) : Optional.empty();
            }
        }
    }

    /** The days that have a partition, oldest first. */
    public synchronized List<LocalDate> partitionDays() throws StoreException {
        try {
            return partitions.days();
        } catch (SQLException e) {
            throw new StoreException("cannot list read partitions", e);
        }
    }

    @Override
    int dropReadsBefore(Instant cutoff) throws SQLException {
        return partitions.dropBefore(cutoff);
    }

    @Override
    void closeConnections() {
        Jdbc.closeQuietly(c);
    }

    @Override
    public String toString() {
        return "PostgresReadStore[" + url + "]";
    }
}
