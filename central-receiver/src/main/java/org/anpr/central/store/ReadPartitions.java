package org.anpr.central.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.PlateRead;

/**
 * Reads live in one SQLite file per UTC day, {@code reads-YYYY-MM-DD.db}. The day comes from the
 * read id's UUIDv7 timestamp, not the receive time, so a redelivered read always lands in the
 * same file and its PRIMARY KEY deduplicates it; retention drops whole files.
 */
final class ReadPartitions implements AutoCloseable {
    private static final String PREFIX = "reads-";
    private static final String SUFFIX = ".db";
    private static final int OPEN_FILES = 4;
    static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS reads(
          read_id BLOB PRIMARY KEY, gantry_id TEXT NOT NULL, camera_id TEXT NOT NULL, lane INTEGER NOT NULL,
          capture_micros INTEGER NOT NULL, plate_text TEXT NOT NULL, country TEXT NOT NULL, confidence REAL NOT NULL,
          received_micros INTEGER NOT NULL, crop BLOB, overview BLOB,
          details BLOB NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS reads_plate ON reads(plate_text, capture_micros)",
        "CREATE INDEX IF NOT EXISTS reads_gantry ON reads(gantry_id, capture_micros)",
    };

    private final Path directory;
    /** Least recently used first; today's file and yesterday's stay open under normal traffic. */
    private final LinkedHashMap<LocalDate, Connection> open = new LinkedHashMap<>(8, 0.75f, true);

    ReadPartitions(Path directory) {
        this.directory = directory;
    }

    static LocalDate dayOf(byte[] readId) {
        return Instant.ofEpochMilli(Uuid7.epochMillis(Uuid7.fromBytes(readId))).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Inserts reads (one transaction per day file); duplicates by read id are ignored. */
    void insert(List<StoreWrite.Read> reads) throws SQLException {
        Map<LocalDate, List<StoreWrite.Read>> byDay = new LinkedHashMap<>();
        for (StoreWrite.Read r : reads) {
            byDay.computeIfAbsent(dayOf(r.read().getReadId().toByteArray()), d -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<LocalDate, List<StoreWrite.Read>> day : byDay.entrySet()) {
            Sqlite.inTransaction(connection(day.getKey()), c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT OR IGNORE INTO reads VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    for (StoreWrite.Read w : day.getValue()) {
                        bind(ps, w);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        }
    }

    private static void bind(PreparedStatement ps, StoreWrite.Read w) throws SQLException {
        PlateRead r = w.read();
        ps.setBytes(1, r.getReadId().toByteArray());
        ps.setString(2, r.getGantryId());
        ps.setString(3, r.getCameraId());
        ps.setInt(4, r.getLane());
        ps.setLong(5, r.getCaptureTime().getEpochMicros());
        ps.setString(6, r.getPlateText());
        ps.setString(7, r.getCountry());
        ps.setFloat(8, r.getConfidence());
        ps.setLong(9, w.receivedMicros());
        ps.setBytes(10, r.hasPlateCrop() ? r.getPlateCrop().getData().toByteArray() : null);
        ps.setBytes(11, r.hasOverview() ? r.getOverview().getData().toByteArray() : null);
        // Everything else of the read, images left out: they are in their own BLOB columns.
        PlateRead.Builder details = r.toBuilder();
        if (r.hasPlateCrop()) {
            details.setPlateCrop(r.getPlateCrop().toBuilder().clearData());
        }
        if (r.hasOverview()) {
            details.setOverview(r.getOverview().toBuilder().clearData());
        }
        ps.setBytes(12, details.build().toByteArray());
    }

    Connection connection(LocalDate day) throws SQLException {
        Connection c = open.get(day);
        if (c == null) {
            c = Sqlite.open(directory.resolve(PREFIX + day + SUFFIX), SCHEMA);
            open.put(day, c);
            if (open.size() > OPEN_FILES) {
                Iterator<Map.Entry<LocalDate, Connection>> eldest = open.entrySet().iterator();
                Sqlite.closeQuietly(eldest.next().getValue());
                eldest.remove();
            }
        }
        return c;
    }

    /** Days that have a file, oldest first. */
    List<LocalDate> days() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(PREFIX) && n.endsWith(SUFFIX))
                    .map(n -> n.substring(PREFIX.length(), n.length() - SUFFIX.length()))
                    .filter(d -> d.matches("\\d{4}-\\d{2}-\\d{2}"))
                    .map(LocalDate::parse).sorted().toList();
        }
    }

    /** Drops every day file whose whole day ends before {@code cutoff}. */
    int dropBefore(Instant cutoff) throws IOException {
        int dropped = 0;
        for (LocalDate day : days()) {
            if (!day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(cutoff)) {
                Sqlite.closeQuietly(open.remove(day));
                Path db = directory.resolve(PREFIX + day + SUFFIX);
                Files.deleteIfExists(Path.of(db + "-wal"));
                Files.deleteIfExists(Path.of(db + "-shm"));
                Files.delete(db);
                dropped++;
            }
        }
        return dropped;
    }

    @Override
    public void close() {
        open.values().forEach(Sqlite::closeQuietly);
        open.clear();
    }
}
