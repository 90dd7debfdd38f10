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
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads live in one SQLite file per UTC day, {@code reads-YYYY-MM-DD.db}. The day comes from the
 * read id's UUIDv7 timestamp, not the receive time, so a redelivered read always lands in the
 * same file and its PRIMARY KEY deduplicates it; retention drops whole files.
 */
final class ReadPartitions implements AutoCloseable {
    private static final String PREFIX = "reads-";
    private static final String SUFFIX = ".db";
    private static final int OPEN_FILES = 4;
    /**
     * Pages (4 KiB) the WAL of a day file may reach before a commit also checkpoints it: only a
     * backstop (1 GiB). The {@link WalCheckpointer} copies pages in the background and prepares
     * the WAL's restart at {@link WalCheckpointer#RESTART_FRAMES}, and the writer finishes it
     * between batches ({@link #restartDueWals}); the automatic checkpoint would do that inside a
     * commit, in front of its PUBACKs. It fires only if the background work falls behind.
     */
    static final int WAL_AUTOCHECKPOINT_PAGES = 262_144;
    /**
     * Page cache of a day file's connection, in KiB. SQLite's 2 MiB is smaller than what one
     * group commit of 1,000 reads dirties (~1,400 pages): the cache spills mid-transaction and
     * pages are read back (~1,000 preads per commit); 32 MiB cut the writer's CPU per read by ~20 %.
     */
    static final int CACHE_KIB = 32 * 1024;
    static final String[] SCHEMA = SqlDialect.SQLITE.ddl(
        "PRAGMA wal_autocheckpoint=" + WAL_AUTOCHECKPOINT_PAGES,
        "PRAGMA cache_size=-" + CACHE_KIB,
        "CREATE TABLE IF NOT EXISTS reads(" + ReadRows.COLUMN_DDL + ", PRIMARY KEY(read_id))",
        "CREATE INDEX IF NOT EXISTS reads_plate ON reads(plate_text, capture_micros)",
        "CREATE INDEX IF NOT EXISTS reads_gantry ON reads(gantry_id, capture_micros)");
    private static final String INSERT = "INSERT INTO reads(" + ReadRows.COLUMNS + ") VALUES ("
            + ReadRows.placeholders(ReadRows.COUNT) + ") ON CONFLICT DO NOTHING";

    /**
     * Reads written to a day file between requests for a background checkpoint
     * ({@link WalCheckpointer}): ~1,000 WAL pages (4 MiB), well under {@link #WAL_AUTOCHECKPOINT_PAGES},
     * so that when the writer's own checkpoint fires most pages are already copied. Small steps:
     * a commit's fsync shares the file system journal with a concurrent checkpoint's writes, and
     * with 2,000 reads per step the commit p99 at 5,000 reads/s was ~26 ms, with 500 ~11 ms.
     */
    static final int CHECKPOINT_EVERY_READS = 500;

    private final Path directory;
    private final WalCheckpointer checkpointer;
    /** Reads written per day file since its last checkpoint request. */
    private final Map<LocalDate, Integer> sinceCheckpoint = new HashMap<>();
    /** Least recently used first; today's file and yesterday's stay open under normal traffic. */
    private final LinkedHashMap<LocalDate, Connection> open = new LinkedHashMap<>(8, 0.75f, true);

    ReadPartitions(Path directory) {
        this(directory, WalCheckpointer.RESTART_FRAMES);
    }

    /** @param walRestartFrames WAL size (frames) at which a day file's WAL is restarted, see {@link WalCheckpointer} */
    ReadPartitions(Path directory, int walRestartFrames) {
        this.directory = directory;
        this.checkpointer = new WalCheckpointer(walRestartFrames);
    }

    /** Inserts reads (one transaction per day file); duplicates by read id are ignored. */
    void insert(List<StoreWrite.Read> reads) throws SQLException {
        Map<LocalDate, List<StoreWrite.Read>> byDay = new LinkedHashMap<>();
        for (StoreWrite.Read r : reads) {
            byDay.computeIfAbsent(ReadRows.dayOf(r), d -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<LocalDate, List<StoreWrite.Read>> day : byDay.entrySet()) {
            Jdbc.inTransaction(connection(day.getKey()), c -> {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (StoreWrite.Read w : day.getValue()) {
                        ReadRows.bind(ps, w);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
            int written = sinceCheckpoint.merge(day.getKey(), day.getValue().size(), Integer::sum);
            if (written >= CHECKPOINT_EVERY_READS) {
                sinceCheckpoint.remove(day.getKey());
                checkpointer.request(file(day.getKey()));
            }
        }
    }

    /**
     * For the writer, between batches: the last checkpoint step of every day file whose WAL the
     * checkpointer has marked due, on the writer's own connection, so that its next transaction
     * begins with every frame copied and reuses the WAL from the start. Copies only what was
     * committed since the checkpointer's last round.
     *
     * @return how many files it checkpointed
     */
    int restartDueWals() throws SQLException {
        int n = 0;
        for (Map.Entry<LocalDate, Connection> day : open.entrySet()) {
            if (checkpointer.takeRestartDue(file(day.getKey()))) {
                WalCheckpointer.passive(day.getValue());
                n++;
            }
        }
        return n;
    }

    Connection connection(LocalDate day) throws SQLException {
        Connection c = open.get(day);
        if (c == null) {
            c = Sqlite.open(file(day), SCHEMA);
            try {
                ReadRows.upgradeSqlite(c); // day files made before plate_key get it (and its index) here
            } catch (SQLException e) {
                Jdbc.closeQuietly(c);
                throw e;
            }
            open.put(day, c);
            if (open.size() > OPEN_FILES) {
                Iterator<Map.Entry<LocalDate, Connection>> eldest = open.entrySet().iterator();
                Map.Entry<LocalDate, Connection> e = eldest.next();
                Jdbc.closeQuietly(e.getValue());
                checkpointer.forget(file(e.getKey()));
                sinceCheckpoint.remove(e.getKey());
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
                Jdbc.closeQuietly(open.remove(day));
                Path db = file(day);
                checkpointer.forget(db);
                sinceCheckpoint.remove(day);
                Files.deleteIfExists(Path.of(db + "-wal"));
                Files.deleteIfExists(Path.of(db + "-shm"));
                Files.delete(db);
                dropped++;
            }
        }
        return dropped;
    }

    private Path file(LocalDate day) {
        return directory.resolve(PREFIX + day + SUFFIX);
    }

    @Override
    public void close() {
        checkpointer.close();
        open.values().forEach(Jdbc::closeQuietly);
        open.clear();
    }
}
