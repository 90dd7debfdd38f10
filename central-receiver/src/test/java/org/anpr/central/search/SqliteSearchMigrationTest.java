package org.anpr.central.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anpr.central.store.SqliteReadStore;
import org.anpr.central.store.StoreWrite;
import org.anpr.protocol.PlateText;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.PlateRead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Day files made before {@code plate_key} existed: the writer upgrades one when it opens it, and
 * the search upgrades one the writer has not opened since; either way the old rows are found by
 * the tolerant search with exactly {@link PlateText#confusionKey}.
 */
class SqliteSearchMigrationTest {
    static final Instant AT = Instant.parse("2026-11-19T09:00:00Z");
    @TempDir
    Path dir;
    final SampleMessages samples = new SampleMessages(5, 32);
    final PlateRead abo = read("ABO123", AT);
    final PlateRead qzs = read("QZS8IL", AT.plusSeconds(60));

    PlateRead read(String plate, Instant at) {
        byte[] id = Uuid7.toBytes(new Uuid7(Clock.fixed(at, ZoneOffset.UTC)).generate());
        return samples.read("G1", plate, at.toEpochMilli() * 1000).toBuilder().setReadId(ByteString.copyFrom(id)).build();
    }

    /** {@code reads-2026-11-19.db} as the store made it before {@code plate_key}, with two reads. */
    void oldDayFile() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("reads-2026-11-19.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE reads(" + LegacyReads.columnDdl("BLOB", "INTEGER") + ", PRIMARY KEY(read_id))");
            s.execute("CREATE INDEX reads_plate ON reads(plate_text, capture_micros)");
            s.execute("CREATE INDEX reads_gantry ON reads(gantry_id, capture_micros)");
            LegacyReads.insert(c, List.of(abo, qzs), null, null);
        }
    }

    Set<String> tolerant(ReadSearch search, String plate) throws Exception {
        return Set.copyOf(search.search(ReadQuery.ofPlate(PlatePattern.parse(plate, "tolerant"), 10)).stream()
                .map(ReadHit::plateText).toList());
    }

    /** plate_text → plate_key of the file's rows, after checking its index is there. */
    Map<String, String> plateKeys() throws Exception {
        Map<String, String> keys = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("reads-2026-11-19.db"));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'reads_plate_key'")) {
                assertEquals(1, rs.getInt(1), "reads_plate_key made");
            }
            try (ResultSet rs = s.executeQuery("SELECT plate_text, plate_key FROM reads")) {
                while (rs.next()) {
                    keys.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return keys;
    }

    @Test
    void theSearchUpgradesAFileTheWriterHasNotOpened() throws Exception {
        oldDayFile();
        try (ReadSearch search = new SqliteReadSearch(dir)) {
            assertEquals(Set.of("ABO123"), tolerant(search, "AB0123"));
            assertEquals(Set.of("QZS8IL"), tolerant(search, "0258L1"));
            assertEquals(abo, search.find(abo.getReadId().toByteArray()).orElseThrow().read());
            assertEquals(List.of("QZS8IL", "ABO123"), search.search(ReadQuery.ofGantry("G1", 10)).stream()
                    .map(ReadHit::plateText).toList());
        }
        assertEquals(Map.of("ABO123", "A80123", "QZS8IL", "02581" + "1"), plateKeys());
    }

    @Test
    void theWriterUpgradesADayFileWhenItOpensIt() throws Exception {
        oldDayFile();
        PlateRead fresh = read("A8D1Z3", AT.plusSeconds(120));
        try (SqliteReadStore store = new SqliteReadStore(dir); ReadSearch search = new SqliteReadSearch(dir)) {
            store.commit(List.of(new StoreWrite.Read(fresh, 1))); // opens the old file for writing
            assertEquals(Map.of("ABO123", PlateText.confusionKey("ABO123"), "QZS8IL", PlateText.confusionKey("QZS8IL"),
                    "A8D1Z3", PlateText.confusionKey("A8D1Z3")), plateKeys());
            assertEquals(Set.of("ABO123", "A8D1Z3"), tolerant(search, "AB0123"));
            assertEquals(3, store.countReads());
        }
        try (SqliteReadStore reopened = new SqliteReadStore(dir); ReadSearch search = new SqliteReadSearch(dir)) {
            reopened.commit(List.of(new StoreWrite.Read(read("ZZZ1", AT.plusSeconds(180)), 1)));
            assertEquals(Set.of("ZZZ1"), tolerant(search, "2221"), "an upgraded file opens again as it is");
            assertTrue(plateKeys().containsKey("ZZZ1"));
        }
    }
}
