package org.anpr.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.anpr.central.hotlist.CentralHotlist;
import org.anpr.central.store.JdbcHotlistStore;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.HotlistEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions, deltas, snapshots and matching of the central hotlist, persisted in real SQLite. */
class CentralHotlistTest {
    @TempDir
    Path dir;
    final SampleMessages samples = new SampleMessages(23);

    @Test
    void deltasSnapshotsAndRestart() throws Exception {
        HotlistEntry a = samples.hotlistEntry("11AAA1");
        HotlistEntry b = samples.hotlistEntry("22BBB2");
        HotlistEntry c = samples.hotlistEntry("33CCC3");
        Path db = dir.resolve("central.db");
        try (JdbcHotlistStore store = JdbcHotlistStore.sqlite(db)) {
            CentralHotlist list = new CentralHotlist(store, 2, 2, new WireCodec()); // history of 2 versions, chunks of 2
            list.apply(List.of(a), List.of());                       // v1
            list.apply(List.of(b, c), List.of());                    // v2
            list.apply(List.of(), List.of(a.getEntryId()));          // v3
            assertEquals(3, list.version());

            HotlistDelta d = list.deltaSince(1).get(0);
            assertFalse(d.getFullSnapshot());
            assertEquals(2, d.getUpsertsCount());
            assertEquals(List.of(a.getEntryId()), d.getRemovedEntryIdsList());
            assertTrue(list.deltaSince(3).isEmpty());

            List<HotlistDelta> snapshot = list.deltaSince(0); // older than the 2 versions kept
            assertEquals(1, snapshot.size(), "2 entries in chunks of 2");
            assertTrue(snapshot.get(0).getFullSnapshot());
            assertEquals(2, snapshot.get(0).getUpsertsCount());
            assertTrue(list.deltaSince(99).get(0).getFullSnapshot(), "a gantry ahead of the centre is reset");

            assertTrue(list.match(samples.read("G1", "11AAA1", SampleMessages.BASE_MICROS)).isEmpty(), "removed");
            assertEquals(1, list.match(samples.read("G1", "22BBB2", SampleMessages.BASE_MICROS)).size());
            assertThrows(ProtocolException.class, () -> list.apply(List.of(HotlistEntry.newBuilder().setEntryId("x")
                    .setPlateText("bad plate!").build()), List.of()));
            assertEquals(3, list.version(), "an invalid change changes nothing");
        }
        try (JdbcHotlistStore store = JdbcHotlistStore.sqlite(db)) {
            CentralHotlist reloaded = new CentralHotlist(store, 2, 2, new WireCodec());
            assertEquals(3, reloaded.version());
            assertEquals(2, reloaded.size());
            assertEquals(2, reloaded.deltaSince(1).get(0).getUpsertsCount(), "history survives a restart");
        }
    }

    /** Issue 17, item 6: gantries far behind share one encoded snapshot per version, not one each. */
    @Test
    void oneEncodedSnapshotPerVersionIsSharedByEveryGantryBehind() throws Exception {
        try (JdbcHotlistStore store = JdbcHotlistStore.sqlite(dir.resolve("central.db"))) {
            CentralHotlist list = new CentralHotlist(store, 1, 2, new WireCodec());
            list.apply(List.of(samples.hotlistEntry("11AAA1"), samples.hotlistEntry("22BBB2"), samples.hotlistEntry("33CCC3")), List.of());
            list.apply(List.of(samples.hotlistEntry("44DDD4")), List.of()); // v2; v0 is past the history of 1
            List<byte[]> first = list.encodedSince(0);
            assertEquals(2, first.size(), "4 entries in chunks of 2");
            List<byte[]> second = list.encodedSince(-7); // another gantry, as far behind in its own way
            for (int i = 0; i < first.size(); i++) {
                assertSame(first.get(i), second.get(i), "chunk " + i + " built and encoded again for the next gantry");
            }
            assertEquals(list.deltaSince(0).get(1).getUpsertsList(), new WireCodec().decode(first.get(1)).getHotlistDelta().getUpsertsList(),
                    "the bytes are the snapshot");
            list.apply(List.of(samples.hotlistEntry("55EEE5")), List.of()); // v3: a new snapshot
            List<byte[]> third = list.encodedSince(0);
            assertEquals(3, third.size());
            assertFalse(first.get(0) == third.get(0), "a stale snapshot was handed out after a change");
        }
    }

    @Test
    void matchingRespectsValidityAndCountry() throws Exception {
        try (JdbcHotlistStore store = JdbcHotlistStore.sqlite(dir.resolve("central.db"))) {
            CentralHotlist list = new CentralHotlist(store, 10, 100, new WireCodec());
            long t = SampleMessages.BASE_MICROS;
            list.apply(List.of(samples.hotlistEntry("44DDD4").toBuilder().setValidUntilMicros(t - 1).build(),
                    samples.hotlistEntry("55EEE5").toBuilder().setCountry("DE").build()), List.of());
            assertTrue(list.match(samples.read("G1", "44DDD4", t)).isEmpty(), "expired entry");
            assertTrue(list.match(samples.read("G1", "55EEE5", t)).isEmpty(), "NL read, DE entry");
            assertEquals(1, list.match(samples.read("G1", "55EEE5", t).toBuilder().setCountry("").build()).size());
        }
    }
}
