package org.anpr.central.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.StoreWrite;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.Image;
import org.anpr.protocol.v1.ImageFormat;
import org.anpr.protocol.v1.PlateRead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReadSearch} must do, on reads written through the real store's
 * {@code commit} over three UTC days (2026-11-18 to -20, so three SQLite files or PostgreSQL
 * partitions), run against each store by a subclass that says how to open both on a fresh location.
 */
abstract class ReadSearchContract {
    static final Instant DAY1 = Instant.parse("2026-11-18T00:00:00Z");
    static final Instant DAY2 = DAY1.plus(Duration.ofDays(1));
    static final Instant DAY3 = DAY2.plus(Duration.ofDays(1));
    final SampleMessages samples = new SampleMessages(11, 64);
    /** The {@code G-PAGE} reads, newest first: one alone, then twelve pairs captured at the same microsecond. */
    final List<PlateRead> paged = new ArrayList<>();
    PlateRead trajectoryStart;
    PlateRead withOverview;
    ReadStore store;
    ReadSearch search;

    /** Makes this test's empty location (directory, database). */
    abstract void newLocation() throws Exception;

    abstract ReadStore openStore() throws Exception;

    abstract ReadSearch openSearch() throws Exception;

    static Instant at(Instant day, int hour, int minute) {
        return day.plus(Duration.ofMinutes(hour * 60L + minute));
    }

    static long micros(Instant t) {
        return t.toEpochMilli() * 1000;
    }

    PlateRead read(String plate, String gantry, String camera, int lane, String country, float confidence, Instant at) {
        byte[] id = Uuid7.toBytes(new Uuid7(Clock.fixed(at, ZoneOffset.UTC)).generate());
        return samples.read(gantry, plate, micros(at)).toBuilder().setReadId(ByteString.copyFrom(id)).setCameraId(camera)
                .setLane(lane).setCountry(country).setConfidence(confidence).build();
    }

    PlateRead read(String plate, String gantry, Instant at) {
        return read(plate, gantry, "cam-1", 1, "NL", 0.9f, at);
    }

    static StoreWrite write(PlateRead r) {
        return new StoreWrite.Read(r, r.getCaptureTime().getEpochMicros() + 1_000_000);
    }

    @BeforeEach
    void writeReads() throws Exception {
        newLocation();
        List<PlateRead> reads = new ArrayList<>(List.of(
                read("ABO123", "G1", at(DAY1, 10, 0)), read("A8D123", "G2", at(DAY2, 10, 0)), read("A8Q1Z3", "G3", at(DAY3, 5, 0)),
                read("AB0124", "G1", at(DAY3, 9, 0)), read("AC0123", "G1", at(DAY3, 9, 30)), read("AXC123", "G2", at(DAY3, 8, 0)),
                read("ABC12", "G3", at(DAY2, 8, 0)), read("ABD123", "G3", at(DAY1, 11, 0)), read("AC123", "G3", at(DAY3, 7, 0)),
                read("BAB123", "G2", at(DAY2, 7, 0)), read("AZ9", "G2", at(DAY2, 6, 0))));
        for (int i = 0; i < 12; i++) { // DAY2 12:00 to DAY3 11:00, hourly
            reads.add(read("FLT" + i, "G-FILTER", "cam-" + (i % 3), 1 + i % 2, i % 4 == 0 ? "DE" : "NL", 0.5f + i * 0.04f,
                    at(DAY2, 12 + i, 0)));
        }
        for (int k = 12; k >= 0; k--) { // DAY1 01:00 to DAY3 13:00, every 5 hours
            for (int j = 0; j < (k == 12 ? 1 : 2); j++) {
                paged.add(read("PG" + k + "X" + j, "G-PAGE", at(DAY1, 1 + 5 * k, 0)));
            }
        }
        paged.sort((a, b) -> SearchSql.order(false).compare(hit(a), hit(b)));
        reads.addAll(paged);
        trajectoryStart = read("TRJ42", "G1", at(DAY1, 6, 0));
        reads.addAll(List.of(trajectoryStart, read("TRJ42", "G2", at(DAY2, 6, 0)), read("TRJ42", "G3", at(DAY3, 6, 0)),
                read("TRJ42", "G1", at(DAY3, 7, 0))));
        PlateRead f = read("FND1", "G9", at(DAY2, 3, 0));
        withOverview = f.toBuilder().setOverview(Image.newBuilder().setFormat(ImageFormat.IMAGE_FORMAT_JPEG).setWidth(4)
                .setHeight(2).setData(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5}))).build();
        reads.add(withOverview);
        store = openStore();
        store.commit(reads.stream().map(ReadSearchContract::write).toList());
        search = openSearch();
    }

    @AfterEach
    void closeAll() {
        if (search != null) {
            search.close();
            search = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** The hit a read should give. */
    static ReadHit hit(PlateRead r) {
        return new ReadHit(r.getReadId().toByteArray(), r.getGantryId(), r.getCameraId(), r.getLane(),
                r.getCaptureTime().getEpochMicros(), r.getPlateText(), r.getCountry(), r.getConfidence(),
                r.getCaptureTime().getEpochMicros() + 1_000_000, r.hasPlateCrop(), r.hasOverview());
    }

    List<String> plates(ReadQuery q) throws Exception {
        return search.search(q).stream().map(ReadHit::plateText).toList();
    }

    Set<String> plateSet(String text, String mode) throws Exception {
        return new HashSet<>(plates(ReadQuery.ofPlate(PlatePattern.parse(text, mode), 100)));
    }

    @Test
    void exactMatchGivesTheReadsColumns() throws Exception {
        List<ReadHit> hits = search.search(ReadQuery.ofPlate(PlatePattern.parse("abo-123", null), 100));
        assertEquals(1, hits.size());
        ReadHit h = hits.get(0);
        assertEquals(List.of("ABO123", "G1", "cam-1", 1, "NL", 0.9f, micros(at(DAY1, 10, 0)), micros(at(DAY1, 10, 0)) + 1_000_000),
                List.of(h.plateText(), h.gantryId(), h.cameraId(), h.lane(), h.country(), h.confidence(), h.captureMicros(),
                        h.receivedMicros()));
        assertTrue(h.hasCrop());
        assertFalse(h.hasOverview());
        assertEquals(Set.of(), plateSet("AB0123", "exact"), "exact is exact");
        assertEquals(List.of("TRJ42", "TRJ42", "TRJ42", "TRJ42"), plates(ReadQuery.ofPlate(PlatePattern.parse("TRJ42", "exact"), 100)));
    }

    @Test
    void tolerantMatchFindsOcrConfusionsOnly() throws Exception {
        assertEquals(Set.of("ABO123", "A8D123", "A8Q1Z3", "ABD123"), plateSet("AB0123", "tolerant"), "not AB0124, not AC0123");
        assertEquals(Set.of("ABO123", "A8D123", "A8Q1Z3", "ABD123"), plateSet("a8d-1z3", "tolerant"));
        assertEquals(Set.of("AC0123"), plateSet("ACD1Z3", "tolerant"), "C is in no class: not ABO123");
        assertEquals(List.of("A8Q1Z3", "A8D123", "ABD123", "ABO123"), plates(ReadQuery.ofPlate(PlatePattern.parse("AB0123", "tolerant"), 100)),
                "newest first across day files");
    }

    @Test
    void wildcardsMatchLikeGlobs() throws Exception {
        assertEquals(Set.of("ABO123", "AB0124", "ABC12", "ABD123"), plateSet("AB*", "wildcard"));
        assertEquals(Set.of("AXC123", "ABC12"), plateSet("A?C12*", "wildcard"));
        assertEquals(Set.of("ABO123", "A8D123", "AXC123", "ABD123", "AC0123", "AC123", "BAB123"), plateSet("*123", "wildcard"));
        assertEquals(Set.of("AZ9"), plateSet("AZ*", "wildcard"), "a trailing Z carries: BAB123 stays out");
        assertEquals(Set.of("A8D123", "A8Q1Z3"), plateSet("A8*", "wildcard"));
        assertEquals(Set.of("ABC12"), plateSet("ABC12", "wildcard"), "no wildcard: the plate itself");
        assertEquals(Set.of(), plateSet("AB?", "wildcard"));
    }

    @Test
    void gantryAndTimeWindowFilter() throws Exception {
        ReadQuery q = ReadQuery.ofGantry("G-FILTER", 100).withWindow(micros(at(DAY2, 14, 0)), micros(at(DAY2, 20, 0)));
        assertEquals(List.of("FLT7", "FLT6", "FLT5", "FLT4", "FLT3", "FLT2"), plates(q), "from inclusive, to exclusive, newest first");
        assertEquals(List.of("FLT11", "FLT10", "FLT9", "FLT8", "FLT7"), plates(ReadQuery.ofGantry("G-FILTER", 100)
                .withWindow(micros(at(DAY2, 19, 0)), null)));
        assertEquals(List.of("FLT1", "FLT0"), plates(ReadQuery.ofGantry("G-FILTER", 100).withWindow(null, micros(at(DAY2, 14, 0)))));
        assertEquals(List.of("TRJ42", "TRJ42"), plates(ReadQuery.ofPlate(PlatePattern.parse("TRJ42", null), 10)
                .withWindow(micros(DAY2), micros(at(DAY3, 6, 30)))));
        assertEquals(List.of("ABO123"), plates(ReadQuery.ofPlate(PlatePattern.parse("AB*", "wildcard"), 10).withGantry("G1")
                .withWindow(micros(DAY1), micros(DAY2))));
    }

    @Test
    void cameraLaneCountryAndConfidenceFilter() throws Exception {
        ReadQuery all = ReadQuery.ofGantry("G-FILTER", 100);
        assertEquals(List.of("FLT10", "FLT7", "FLT4", "FLT1"), plates(all.withCamera("cam-1")));
        assertEquals(List.of("FLT11", "FLT9", "FLT7", "FLT5", "FLT3", "FLT1"), plates(all.withLane(2)));
        assertEquals(List.of("FLT8", "FLT4", "FLT0"), plates(all.withCountry("DE")));
        assertEquals(List.of("FLT11", "FLT10", "FLT9", "FLT8"), plates(all.withMinConfidence(0.79f)));
        assertEquals(List.of("FLT7", "FLT1"), plates(all.withCamera("cam-1").withLane(2)));
        assertEquals(List.of(), plates(all.withCountry("FR")));
    }

    @Test
    void newestFirstAcrossDayFiles() throws Exception {
        List<ReadHit> hits = search.search(ReadQuery.ofGantry("G-PAGE", 1000));
        assertEquals(paged.stream().map(ReadSearchContract::hit).toList(), hits);
        assertEquals(micros(at(DAY3, 13, 0)), hits.get(0).captureMicros());
        assertEquals(micros(at(DAY1, 1, 0)), hits.get(hits.size() - 1).captureMicros());
        assertEquals(paged.subList(0, 3).stream().map(ReadSearchContract::hit).toList(),
                search.search(ReadQuery.ofGantry("G-PAGE", 3)), "a short page is the newest ones");
    }

    @Test
    void keysetPaginationGivesEveryRowOnce() throws Exception {
        List<ReadHit> seen = new ArrayList<>();
        ReadQuery q = ReadQuery.ofGantry("G-PAGE", 10);
        List<Integer> sizes = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            List<ReadHit> hits = search.search(q);
            sizes.add(hits.size());
            seen.addAll(hits);
            if (!hits.isEmpty()) {
                q = q.withAfter(Cursor.decode(hits.get(hits.size() - 1).cursor().encode()));
            }
        }
        assertEquals(List.of(10, 10, 5, 0), sizes);
        assertEquals(paged.stream().map(ReadSearchContract::hit).toList(), seen, "every row once, in order, ties split by read id");
        assertEquals(paged.get(9).getCaptureTime(), paged.get(10).getCaptureTime(), "the first page ends inside a tie");
    }

    @Test
    void trajectoryIsInTimeOrder() throws Exception {
        List<ReadHit> all = search.trajectory("TRJ42", micros(DAY1), micros(DAY3.plus(Duration.ofDays(1))), 100);
        assertEquals(List.of("G1", "G2", "G3", "G1"), all.stream().map(ReadHit::gantryId).toList());
        assertEquals(hit(trajectoryStart), all.get(0));
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).captureMicros() < all.get(i).captureMicros());
        }
        assertEquals(List.of("G2", "G3"), search.trajectory("trj-42", micros(at(DAY1, 6, 1)), micros(DAY3.plusSeconds(86_400)), 2)
                .stream().map(ReadHit::gantryId).toList(), "window and limit: the oldest of it");
        assertEquals(List.of(), search.trajectory("TRJ43", micros(DAY1), micros(DAY3), 100));
    }

    @Test
    void findReturnsTheWholeReadWithItsImages() throws Exception {
        StoredRead found = search.find(withOverview.getReadId().toByteArray()).orElseThrow();
        assertEquals(withOverview, found.read());
        assertArrayEquals(withOverview.getPlateCrop().getData().toByteArray(), found.crop());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, found.overview());
        ReadHit h = search.search(ReadQuery.ofPlate(PlatePattern.parse("FND1", null), 1)).get(0);
        assertTrue(h.hasCrop() && h.hasOverview());
        assertTrue(search.find(read("NONE", "G1", at(DAY2, 1, 0)).getReadId().toByteArray()).isEmpty(), "unknown id");
        assertTrue(search.find(read("NONE", "G1", DAY1.minus(Duration.ofDays(30))).getReadId().toByteArray()).isEmpty(),
                "a day with nothing stored");
    }

    @Test
    void aSearchNeedsAPlateOrAGantry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReadQuery(null, null, "cam-1", 1, "NL", 0L, 1L, null, null, 10));
        assertTrue(e.getMessage().startsWith("plate:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReadQuery.ofGantry(" ", 10));
        assertThrows(IllegalArgumentException.class, () -> search.trajectory("A#B", 0, 1, 10));
    }

    @Test
    void concurrentSearchesBesideTheWriter() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        assertEquals(25, search.search(ReadQuery.ofGantry("G-PAGE", 100)).size());
                        assertEquals(4, search.search(ReadQuery.ofPlate(PlatePattern.parse("AB0123", "tolerant"), 100)).size());
                        assertEquals(4, search.trajectory("TRJ42", micros(DAY1), micros(DAY3) + 86_400_000_000L, 10).size());
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 20; i++) {
                store.commit(List.of(write(read("LIVE" + i, "G-LIVE", at(DAY3, 14, i)))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20, search.search(ReadQuery.ofGantry("G-LIVE", 100)).size(), "what the writer committed meanwhile");
    }
}
