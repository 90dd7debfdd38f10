package org.anpr.edge.hotlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistCategory;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.HotlistEntry;
import org.anpr.protocol.v1.MatchKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotlistTest {
    private static final long T = SampleMessages.BASE_MICROS;
    private static final long HOUR = 3_600_000_000L;
    @TempDir
    Path dir;

    private static HotlistEntry entry(String id, String plate, long from, long until) {
        return HotlistEntry.newBuilder().setEntryId(id).setPlateText(plate).setCountry("NL")
                .setCategory(HotlistCategory.HOTLIST_CATEGORY_STOLEN_VEHICLE).setPriority(2)
                .setValidFromMicros(from).setValidUntilMicros(until).setReferenceId("CASE-" + id).build();
    }

    private static HotlistDelta delta(long from, long to, List<HotlistEntry> upserts, List<String> removed) {
        return HotlistDelta.newBuilder().setFromVersion(from).setToVersion(to).addAllUpserts(upserts)
                .addAllRemovedEntryIds(removed).setPublishedAtMicros(T).build();
    }

    private Hotlist withBasics() throws Exception {
        Hotlist h = Hotlist.open(dir.resolve("hotlist.db"));
        h.apply(delta(0, 1, List.of(entry("e1", "AB123C", 0, 0), entry("e2", "12XYZ9", T, T + HOUR)), List.of()));
        return h;
    }

    @Test
    void exactTolerantAndMiss() throws Exception {
        try (Hotlist h = withBasics()) {
            List<HotlistMatch> exact = h.match("AB123C", T);
            assertEquals(1, exact.size());
            assertEquals(MatchKind.MATCH_KIND_EXACT, exact.get(0).kind());
            assertEquals("CASE-e1", exact.get(0).entry().getReferenceId());

            List<HotlistMatch> tolerant = h.match("A8I23C", T); // B->8, 1->I
            assertEquals(1, tolerant.size());
            assertEquals(MatchKind.MATCH_KIND_TOLERANT, tolerant.get(0).kind());
            assertEquals("e1", tolerant.get(0).entry().getEntryId());

            assertTrue(h.match("AB123D", T).isEmpty(), "C and D are not confusable");
            assertTrue(h.match("AB123", T).isEmpty(), "a prefix is not a match");
            assertTrue(h.match("ZZ999Z", T).isEmpty());
        }
    }

    @Test
    void validityWindowIsRespected() throws Exception {
        try (Hotlist h = withBasics()) {
            assertTrue(h.match("12XYZ9", T - 1).isEmpty(), "before valid_from");
            assertEquals(1, h.match("12XYZ9", T).size());
            assertEquals(1, h.match("12XYZ9", T + HOUR - 1).size());
            assertTrue(h.match("12XYZ9", T + HOUR).isEmpty(), "valid_until is exclusive");
        }
    }

    @Test
    void alertCarriesReadEntryKindAndVersion() throws Exception {
        try (Hotlist h = withBasics()) {
            var read = new SampleMessages(3).read("A2-N-km40", "A8123C", T);
            HotlistAlert alert = h.alertFor(read).orElseThrow();
            assertEquals(MatchKind.MATCH_KIND_TOLERANT, alert.getMatchKind());
            assertEquals(1, alert.getHotlistVersion());
            assertEquals(read, alert.getRead());
            assertEquals(16, alert.getAlertId().size());
            assertTrue(h.alertFor(new SampleMessages(3).read("A2-N-km40", "QQ111Q", T)).isEmpty());
        }
    }

    @Test
    void deltaUpsertsAndRemovesAndSurvivesReopen() throws Exception {
        try (Hotlist h = withBasics()) {
            assertTrue(h.apply(delta(1, 2, List.of(entry("e3", "NEW1", 0, 0)), List.of("e1"))));
            assertEquals(2, h.version());
            assertTrue(h.match("AB123C", T).isEmpty());
            assertEquals(1, h.match("NEW1", T).size());
            assertFalse(h.apply(delta(1, 2, List.of(), List.of())), "a redelivered delta is a no-op");
        }
        try (Hotlist h = Hotlist.open(dir.resolve("hotlist.db"))) {
            assertEquals(2, h.version());
            assertEquals(2, h.size());
            assertEquals(1, h.match("NEWI", T).size(), "tolerant after reopen");
        }
    }

    @Test
    void deltaFromAnotherVersionIsRejectedAndChangesNothing() throws Exception {
        try (Hotlist h = withBasics()) {
            DeltaRejectedException e = assertThrows(DeltaRejectedException.class,
                    () -> h.apply(delta(5, 6, List.of(entry("e9", "GONE1", 0, 0)), List.of("e1"))));
            assertTrue(e.getMessage().contains("from version 5") && e.getMessage().contains("at version 1"), e.getMessage());
            assertEquals(1, h.version());
            assertEquals(1, h.match("AB123C", T).size());
            assertTrue(h.match("GONE1", T).isEmpty());

            // the same in two chunks: stored, then rejected as a whole when complete
            HotlistDelta.Builder chunk = delta(5, 6, List.of(entry("e9", "GONE1", 0, 0)), List.of("e1")).toBuilder().setChunkCount(2);
            assertFalse(h.apply(chunk.setChunkIndex(0).build()));
            assertThrows(DeltaRejectedException.class, () -> h.apply(chunk.setChunkIndex(1).build()));
            assertEquals(1, h.version());
            assertTrue(h.match("GONE1", T).isEmpty());
            assertEquals(1, h.match("AB123C", T).size());
        }
    }

    @Test
    void crashMidApplyLeavesTheOldVersion() throws Exception {
        try (Hotlist h = withBasics()) {
            AtomicInteger upserts = new AtomicInteger();
            h.store().afterEachUpsert = () -> {
                if (upserts.incrementAndGet() == 2) {
                    throw new IllegalStateException("simulated crash mid-apply");
                }
            };
            HotlistDelta d = delta(1, 2, List.of(entry("x1", "XX1", 0, 0), entry("x2", "XX2", 0, 0), entry("x3", "XX3", 0, 0)), List.of("e1"));
            assertThrows(IllegalStateException.class, () -> h.apply(d));
            assertEquals(1, h.version());
            assertEquals(1, h.match("AB123C", T).size());
            assertTrue(h.match("XX1", T).isEmpty());
        }
        try (Hotlist h = Hotlist.open(dir.resolve("hotlist.db"))) {
            assertEquals(1, h.version(), "the file still holds version 1");
            assertEquals(2, h.size());
            assertTrue(h.match("XX1", T).isEmpty());
        }
    }

    @Test
    void chunkedSnapshotAppliesOnlyWhenComplete() throws Exception {
        try (Hotlist h = withBasics()) {
            for (int i = 0; i < 3; i++) {
                HotlistDelta chunk = HotlistDelta.newBuilder().setFullSnapshot(true).setToVersion(10).setChunkIndex(i).setChunkCount(3)
                        .addUpserts(entry("s" + i, "SNAP" + i, 0, 0)).setPublishedAtMicros(T).build();
                boolean applied = h.apply(chunk);
                assertEquals(i == 2, applied);
                if (i < 2) {
                    assertEquals(1, h.version());
                    assertEquals(1, h.match("AB123C", T).size(), "old list in force until the last chunk");
                }
            }
            assertEquals(10, h.version());
            assertEquals(3, h.size());
            assertTrue(h.match("AB123C", T).isEmpty(), "a snapshot replaces the list");
            assertEquals(1, h.match("SNAP2", T).size());
        }
    }
}
