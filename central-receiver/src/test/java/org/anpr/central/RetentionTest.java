package org.anpr.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.anpr.central.config.RetentionConfig;
import org.anpr.central.retention.RetentionJob;
import org.anpr.central.store.PendingDelivery;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.SqliteReadStore;
import org.anpr.central.store.StoreWrite;
import org.anpr.central.store.StoreWrite.AlertSource;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.PlateRead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old reads go by whole daily files, alerts and violations by their own periods. */
class RetentionTest {
    static final Instant NOW = Instant.parse("2027-06-15T12:00:00Z");

    @TempDir
    Path dir;
    final SampleMessages samples = new SampleMessages(19);

    private PlateRead readAt(Instant t) {
        byte[] id = Uuid7.toBytes(new Uuid7(Clock.fixed(t, ZoneOffset.UTC)).generate());
        return samples.read("A2-N-km40").toBuilder().setReadId(ByteString.copyFrom(id)).build();
    }

    private static long micros(Instant t) {
        return t.toEpochMilli() * 1000;
    }

    @Test
    void purgesWhatIsOlderThanEachPeriod() throws Exception {
        try (ReadStore store = new SqliteReadStore(dir)) {
            PlateRead old = readAt(NOW.minus(Duration.ofDays(400)));
            PlateRead recent = readAt(NOW.minus(Duration.ofDays(10)));
            HotlistAlert oldAlert = samples.alert("A2-N-km40");
            HotlistAlert newAlert = samples.alert("A2-N-km40");
            store.commit(List.of(
                    new StoreWrite.Read(old, micros(NOW.minus(Duration.ofDays(400)))),
                    new StoreWrite.Read(recent, micros(NOW.minus(Duration.ofDays(10)))),
                    new StoreWrite.Alert(oldAlert, AlertSource.EDGE, micros(NOW.minus(Duration.ofDays(800)))),
                    new StoreWrite.Alert(newAlert, AlertSource.EDGE, micros(NOW.minus(Duration.ofDays(100)))),
                    new StoreWrite.Violation(samples.violation("A", "B"), "B", micros(NOW.minus(Duration.ofDays(400))))));
            assertEquals(2, store.countReads());

            RetentionJob job = new RetentionJob(store, RetentionConfig.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC), now -> { });
            ReadStore.PurgeResult r = job.runOnce();
            assertEquals(1, r.readFilesDropped());
            assertEquals(1, r.alerts());
            assertEquals(0, r.violations(), "violations are kept 3 years by default");
            assertEquals(1, store.countReads());
            assertFalse(store.findRead(old.getReadId().toByteArray()).isPresent());
            assertTrue(store.findRead(recent.getReadId().toByteArray()).isPresent());
            assertEquals(1, store.countAlerts(AlertSource.EDGE));
            assertEquals(1, store.countViolations());

            assertEquals(0, job.runOnce().readFilesDropped(), "nothing left to purge");
        }
    }

    @Test
    void expiredHeldPassagesAreDeletedUndelivered() throws Exception {
        try (ReadStore store = new SqliteReadStore(dir)) {
            byte[] payload = {1, 2, 3};
            store.commit(List.of(
                    new StoreWrite.Enqueue(new PendingDelivery("X", new byte[] {1}, "anpr/v1/X/section-entries", payload,
                            micros(NOW.minus(Duration.ofDays(4))), micros(NOW.minus(Duration.ofDays(1))))),
                    new StoreWrite.Enqueue(new PendingDelivery("X", new byte[] {2}, "anpr/v1/X/section-entries", payload,
                            micros(NOW.minus(Duration.ofHours(1))), micros(NOW.plus(Duration.ofDays(2)))))));
            long[] told = new long[1];
            RetentionJob job = new RetentionJob(store, RetentionConfig.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC), now -> told[0] = now);
            assertEquals(1, job.runOnce().expiredDeliveries());
            assertEquals(1, store.pendingDeliveries().size());
            assertEquals(2, store.pendingDeliveries().get(0).messageId()[0]);
            assertEquals(micros(NOW), told[0], "the router is told to forget its copies too");
        }
    }
}
