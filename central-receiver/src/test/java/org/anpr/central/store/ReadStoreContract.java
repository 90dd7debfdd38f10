package org.anpr.central.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.anpr.central.hotlist.HotlistStore;
import org.anpr.central.hotlist.HotlistStore.Change;
import org.anpr.central.store.StoreWrite.AlertSource;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.GantryState;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistEntry;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionViolation;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReadStore} (and its hotlist tables) must do, run against each implementation
 * by a subclass that says how to open one on a fresh, empty location.
 */
abstract class ReadStoreContract {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    final SampleMessages samples = new SampleMessages(23, 2048);

    /** The store on this test's location; opening it again sees what was committed before. */
    abstract ReadStore open() throws Exception;

    /** The hotlist tables at this test's location. */
    abstract JdbcHotlistStore openHotlist() throws Exception;

    PlateRead readAt(Instant t) {
        byte[] id = Uuid7.toBytes(new Uuid7(Clock.fixed(t, ZoneOffset.UTC)).generate());
        return samples.read("A2-N-km40").toBuilder().setReadId(ByteString.copyFrom(id)).build();
    }

    static long micros(Instant t) {
        return t.toEpochMilli() * 1000;
    }

    static StoreWrite.Read write(PlateRead r) {
        return new StoreWrite.Read(r, micros(NOW));
    }

    @Test
    void readsAreStoredOnceByIdAndComeBackWhole() throws Exception {
        List<PlateRead> reads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            reads.add(readAt(NOW.plusMillis(i)));
        }
        try (ReadStore store = open()) {
            store.commit(reads.stream().<StoreWrite>map(ReadStoreContract::write).toList());
            // redelivery of all of them, and a duplicate inside one batch
            store.commit(List.of(write(reads.get(2)), write(reads.get(2)), write(reads.get(4))));
            store.commit(reads.stream().<StoreWrite>map(ReadStoreContract::write).toList());
            assertEquals(5, store.countReads());
            PlateRead stored = store.findRead(reads.get(3).getReadId().toByteArray()).orElseThrow();
            assertEquals(reads.get(3), stored, "every field, the crop from its binary column");
            assertArrayEquals(reads.get(3).getPlateCrop().getData().toByteArray(), stored.getPlateCrop().getData().toByteArray());
            assertTrue(store.findRead(readAt(NOW).getReadId().toByteArray()).isEmpty(), "unknown id");
        }
        try (ReadStore reopened = open()) {
            assertEquals(5, reopened.countReads(), "durable across reopening");
            reopened.commit(List.of(write(reads.get(0))));
            assertEquals(5, reopened.countReads(), "still deduplicated after reopening");
        }
    }

    @Test
    void readsArePartitionedByTheDayOfTheirIdAndPurgedByWholeDays() throws Exception {
        PlateRead old = readAt(NOW.minus(Duration.ofDays(400)));
        PlateRead lastMonth = readAt(NOW.minus(Duration.ofDays(30)));
        PlateRead today = readAt(NOW);
        HotlistAlert oldAlert = samples.alert("A2-N-km40");
        HotlistAlert newAlert = samples.alert("A2-N-km40");
        try (ReadStore store = open()) {
            store.commit(List.of(write(old), write(lastMonth), write(today),
                    new StoreWrite.Alert(oldAlert, AlertSource.EDGE, micros(NOW.minus(Duration.ofDays(800)))),
                    new StoreWrite.Alert(newAlert, AlertSource.EDGE, micros(NOW.minus(Duration.ofDays(10)))),
                    new StoreWrite.Enqueue(new PendingDelivery("A2-N-km52", new byte[] {1}, "t", new byte[] {9}, 1, micros(NOW) - 1)),
                    new StoreWrite.Enqueue(new PendingDelivery("A2-N-km52", new byte[] {2}, "t", new byte[] {9}, 2, 0))));
            store.commit(List.of(write(old))); // a late redelivery into an old partition
            assertEquals(3, store.countReads());
            assertEquals(old, store.findRead(old.getReadId().toByteArray()).orElseThrow());

            ReadStore.PurgeResult purged = store.purge(new ReadStore.Cutoffs(NOW, NOW.minus(Duration.ofDays(365)),
                    NOW.minus(Duration.ofDays(730)), NOW.minus(Duration.ofDays(1095)), NOW.minus(Duration.ofDays(30))));
            assertEquals(new ReadStore.PurgeResult(1, 1, 0, 0, 1), purged);
            assertEquals(2, store.countReads());
            assertTrue(store.findRead(old.getReadId().toByteArray()).isEmpty());
            assertEquals(1, store.countAlerts(AlertSource.EDGE));
            assertEquals(1, store.pendingDeliveries().size(), "the expired delivery went, the one without expiry stays");
        }
    }

    @Test
    void alertsAndViolationsAreDeduplicated() throws Exception {
        HotlistAlert alert = samples.alert("A2-N-km40");
        SectionViolation violation = samples.violation("A2-N-km40", "A2-N-km52");
        HotlistAlert central = alert.toBuilder().setAlertId(ByteString.copyFrom(Uuid7.toBytes(Uuid7.next()))).build();
        try (ReadStore store = open()) {
            for (int i = 0; i < 2; i++) {
                store.commit(List.of(new StoreWrite.Alert(alert, AlertSource.EDGE, 1),
                        new StoreWrite.Violation(violation, "A2-N-km52", 1)));
            }
            // another id for the same (read, entry): once per source
            store.commit(List.of(new StoreWrite.Alert(central, AlertSource.CENTRAL, 2)));
            store.commit(List.of(new StoreWrite.Alert(central.toBuilder().setAlertId(ByteString.copyFrom(Uuid7.toBytes(Uuid7.next())))
                    .build(), AlertSource.CENTRAL, 3)));
            assertEquals(1, store.countAlerts(AlertSource.EDGE));
            assertEquals(1, store.countAlerts(AlertSource.CENTRAL));
            assertEquals(1, store.countViolations());
        }
    }

    @Test
    void fleetKeepsTheLatestStatusAndLastSeenOnlyMovesForward() throws Exception {
        try (ReadStore store = open()) {
            store.commit(List.of(new StoreWrite.Presence("G1", true, 100), new StoreWrite.Seen("G1", 500), new StoreWrite.Seen("G1", 300),
                    new StoreWrite.Status(samples.status("G2"), 700)));
            store.commit(List.of(new StoreWrite.Presence("G1", false, 200)));
            List<FleetEntry> fleet = store.fleet();
            assertEquals(2, fleet.size());
            FleetEntry g1 = fleet.get(0);
            assertEquals("G1", g1.gantryId());
            assertEquals(false, g1.online());
            assertEquals(500, g1.lastSeenMicros(), "an older time does not move it back");
            assertNull(g1.lastStatus());
            FleetEntry g2 = fleet.get(1);
            assertEquals(samples.status("G2").getGantryId(), g2.lastStatus().getGantryId());
            assertEquals(700, g2.lastSeenMicros());
            assertTrue(GantryState.valueOf(g2.state()) != null);
        }
    }

    @Test
    void deliveriesAreHeldInOrderUntilDeliveredAndRejectedPayloadsAreKept() throws Exception {
        try (ReadStore store = open()) {
            List<StoreWrite> writes = new ArrayList<>();
            for (byte i = 5; i > 0; i--) { // same enqueue time: insertion order decides
                writes.add(new StoreWrite.Enqueue(new PendingDelivery("EXIT", new byte[] {i}, "anpr/v1/EXIT/section-entries",
                        new byte[] {i, i}, 42, 0)));
            }
            writes.add(new StoreWrite.Rejected(new RejectedPayload("G1", "anpr/v1/G1/reads", "MALFORMED", "bad", new byte[] {7, 7}, 9)));
            store.commit(writes);
            store.commit(List.of(new StoreWrite.Enqueue(new PendingDelivery("EXIT", new byte[] {3}, "x", new byte[] {0}, 1, 0)),
                    new StoreWrite.Delivered("EXIT", new byte[] {4})));
        }
        try (ReadStore store = open()) {
            List<PendingDelivery> held = store.pendingDeliveries();
            assertEquals(List.of(5, 3, 2, 1), held.stream().map(d -> (int) d.messageId()[0]).toList(),
                    "oldest first, redelivery ignored, the delivered one gone");
            assertArrayEquals(new byte[] {5, 5}, held.get(0).payload());
            List<RejectedPayload> rejected = store.rejected();
            assertEquals(1, rejected.size());
            assertEquals("MALFORMED", rejected.get(0).problem());
            assertArrayEquals(new byte[] {7, 7}, rejected.get(0).payload());
        }
    }

    @Test
    void hotlistVersionsAndHistorySurviveReopening() throws Exception {
        HotlistEntry a = samples.hotlistEntry("11AAA1");
        HotlistEntry b = samples.hotlistEntry("22BBB2");
        try (JdbcHotlistStore store = openHotlist()) {
            store.save(1, List.of(new Change(1, a.getEntryId(), a), new Change(1, b.getEntryId(), b)), 0);
            store.save(2, List.of(new Change(2, a.getEntryId(), null)), 0);
            store.save(3, List.of(new Change(3, b.getEntryId(), b.toBuilder().setReferenceId("updated").build())), 1);
        }
        try (JdbcHotlistStore store = openHotlist()) {
            HotlistStore.Saved saved = store.load();
            assertEquals(3, saved.version());
            assertEquals(1, saved.deltaFloor());
            assertEquals(List.of(b.getEntryId()), saved.entries().stream().map(HotlistEntry::getEntryId).toList());
            assertEquals("updated", saved.entries().get(0).getReferenceId());
            assertEquals(List.of(2L, 3L), saved.history().stream().map(Change::version).toList(), "history at or below the floor is gone");
            assertNull(saved.history().get(0).entry(), "a removal");
        }
    }
}
