package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.await;
import static org.anpr.central.support.TestGantries.encode;
import static org.anpr.central.support.TestGantries.unchecked;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.anpr.central.store.StoreWrite.AlertSource;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.GantryState;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads, alerts and violations published by a real Paho client arrive in the real SQLite store. */
class IngestTest {
    @TempDir
    Path dir;
    Receiver receiver;
    MqttClient gantry;
    final SampleMessages samples = new SampleMessages(7);

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver(TestGantries.config(dir));
        receiver.start();
        gantry = TestGantries.connect(receiver.port(), ENTRY, true);
    }

    @AfterEach
    void stop() {
        TestGantries.closeQuietly(gantry);
        receiver.close();
    }

    private static String topic(String g, TopicKind kind) {
        return Topic.of(g, kind).name();
    }

    @Test
    void readsArriveExactlyOnceEvenWhenRepublished() throws Exception {
        PlateReadBatch batch = samples.batch(ENTRY, 5);
        byte[] payload = encode(batch);
        gantry.publish(topic(ENTRY, TopicKind.READS), payload, 1, false); // returns after PUBACK
        assertEquals(5, receiver.store().countReads(), "PUBACK came, so all 5 are committed");

        // The outbox replays after a lost PUBACK, and a QoS 1 redelivery: both harmless.
        gantry.publish(topic(ENTRY, TopicKind.READS), payload, 1, false);
        gantry.publish(topic(ENTRY, TopicKind.READS), encode(PlateReadBatch.newBuilder().addReads(batch.getReads(2)).build()), 1, false);
        assertEquals(5, receiver.store().countReads());

        PlateRead first = batch.getReads(0);
        PlateRead stored = receiver.store().findRead(first.getReadId().toByteArray()).orElseThrow();
        assertEquals(first, stored, "every field comes back, the crop from its BLOB column");
        assertArrayEquals(first.getPlateCrop().getData().toByteArray(), stored.getPlateCrop().getData().toByteArray());
    }

    @Test
    void readsArePartitionedIntoDailyFilesByTheirIdTime() throws Exception {
        gantry.publish(topic(ENTRY, TopicKind.READS), encode(samples.batch(ENTRY, 3)), 1, false);
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("reads-\\d{4}-\\d{2}-\\d{2}\\.db")).toList();
            assertEquals(1, names.size(), "ids generated now all fall on today: " + names);
        }
    }

    @Test
    void alertsAndViolationsGoToTheirOwnTables() throws Exception {
        gantry.publish(topic(ENTRY, TopicKind.ALERTS), encode(samples.alert(ENTRY)), 1, false);
        MqttClient exit = TestGantries.connect(receiver.port(), EXIT, true);
        try {
            byte[] violation = encode(samples.violation(ENTRY, EXIT));
            exit.publish(topic(EXIT, TopicKind.VIOLATIONS), violation, 1, false);
            exit.publish(topic(EXIT, TopicKind.VIOLATIONS), violation, 1, false);
        } finally {
            TestGantries.closeQuietly(exit);
        }
        assertEquals(1, receiver.store().countAlerts(AlertSource.EDGE));
        assertEquals(1, receiver.store().countViolations(), "deduplicated by violation id");
        assertEquals(1, receiver.store().countReads(), "the alert's read is stored as a read too");
    }

    @Test
    void everyReadIsMatchedAgainstTheCentralHotlist() throws Exception {
        receiver.hotlist().apply(List.of(samples.hotlistEntry("12ABC3")), List.of());
        PlateRead hit = samples.read(ENTRY, "12ABC3", SampleMessages.BASE_MICROS);
        PlateRead miss = samples.read(ENTRY, "99XYZ9", SampleMessages.BASE_MICROS);
        byte[] payload = encode(PlateReadBatch.newBuilder().addReads(hit).addReads(miss).build());
        gantry.publish(topic(ENTRY, TopicKind.READS), payload, 1, false);
        gantry.publish(topic(ENTRY, TopicKind.READS), payload, 1, false);
        assertEquals(1, receiver.store().countAlerts(AlertSource.CENTRAL), "one alert for the hit, not repeated on redelivery");
        assertEquals(2, receiver.store().countReads());
    }

    @Test
    void statusUpdatesTheFleetAndTheLastWillMarksOffline() throws Exception {
        MqttClient exit = TestGantries.client(receiver.port(), EXIT);
        var options = TestGantries.options(EXIT, true);
        var offline = samples.status(EXIT).toBuilder().setState(GantryState.GANTRY_STATE_OFFLINE).build();
        options.setWill(topic(EXIT, TopicKind.STATUS), encode(offline), 1, true);
        exit.connect(options);
        exit.publish(topic(EXIT, TopicKind.STATUS), encode(samples.status(EXIT).toBuilder().setOutboxBacklog(17).build()), 1, true);
        var entry = receiver.fleet().gantry(EXIT).orElseThrow();
        assertTrue(entry.online());
        assertEquals("GANTRY_STATE_ONLINE", entry.state());
        assertEquals(17, entry.outboxBacklog());
        assertEquals(42, entry.hotlistVersion());

        exit.disconnectForcibly(0, 100, false); // the link drops: no DISCONNECT, so the will fires
        exit.close(true);
        await("the will to mark " + EXIT + " offline", Duration.ofSeconds(5), unchecked(() -> {
            var e = receiver.fleet().gantry(EXIT).orElseThrow();
            return !e.online() && e.state().equals("GANTRY_STATE_OFFLINE");
        }));
        assertEquals(GantryState.GANTRY_STATE_OFFLINE, receiver.fleet().gantry(EXIT).orElseThrow().lastStatus().getState(),
                "the retained status is the will");
    }
}
