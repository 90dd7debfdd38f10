package org.anpr.edge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.anpr.edge.outbox.Outbox;
import org.anpr.edge.outbox.OutboxLimits;
import org.anpr.edge.testing.Mosquitto;
import org.anpr.edge.testing.Subscriber;
import org.anpr.edge.testing.Subscriber.Received;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.GantryState;
import org.anpr.protocol.v1.GantryStatus;
import org.anpr.protocol.v1.PlateReadBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real mosquitto with a password file. */
class MqttReporterTest {
    private static final String G = "A2-N-km40";
    private static final String USER = "gantry";
    private static final String PASSWORD = "s3cret";
    private final WireCodec codec = new WireCodec();
    private final SampleMessages samples = new SampleMessages(21);
    @TempDir
    Path dir;
    private Mosquitto broker;
    private Outbox outbox;

    @BeforeEach
    void setUp() throws Exception {
        broker = Mosquitto.startWithPassword(dir, USER, PASSWORD);
        outbox = Outbox.open(dir.resolve("outbox.db"), OutboxLimits.DEFAULTS, codec);
    }

    @AfterEach
    void tearDown() throws Exception {
        outbox.close();
        broker.close();
    }

    private MqttReporter reporter(String password, int maxInflight) {
        MqttSettings s = MqttSettings.of(broker.uri(), G, USER, password).withTiming(1, 100, 1000).withMaxInflight(maxInflight);
        return new MqttReporter(G, s, outbox, codec, () -> GantryStatus.newBuilder().setFramesPerSecond(12.5f).setHotlistVersion(7).build());
    }

    private Subscriber centre(String id) throws Exception {
        return new Subscriber(broker.uri(), id, "anpr/v1/" + G + "/#", USER, PASSWORD);
    }

    @Test
    void sendsInPriorityOrderAndDeletesOnlyOnPuback() throws Exception {
        for (int i = 0; i < 20; i++) {
            outbox.append(Topic.of(G, TopicKind.READS), PlateReadBatch.newBuilder().addReads(samples.read(G)).build());
        }
        outbox.append(Topic.of(G, TopicKind.ALERTS), samples.alert(G));
        try (Subscriber centre = centre("centre-order"); MqttReporter r = reporter(PASSWORD, 1)) {
            r.start();
            assertTrue(Subscriber.await(() -> centre.readIds().size() == 20, 20, TimeUnit.SECONDS), "all reads arrive");
            List<Received> upstream = centre.received().stream().filter(m -> !m.topic().endsWith("/status")).toList();
            assertEquals(Envelope.PayloadCase.ALERT, upstream.get(0).envelope().getPayloadCase(), "the alert jumps the queue");
            assertTrue(Subscriber.await(() -> outbox.stats().items() == 0, 10, TimeUnit.SECONDS), "acknowledged items are deleted");
            assertTrue(Subscriber.await(() -> r.acknowledged() == 21, 10, TimeUnit.SECONDS), "acknowledged: " + r.acknowledged());
        }
    }

    @Test
    void wrongPasswordNeverConnectsAndDeletesNothing() throws Exception {
        outbox.append(Topic.of(G, TopicKind.ALERTS), samples.alert(G));
        try (MqttReporter r = reporter("wrong", 8)) {
            r.start();
            Thread.sleep(1500);
            assertFalse(r.isConnected());
            assertEquals(0, r.connects());
            assertEquals(1, outbox.stats().items());
        }
    }

    @Test
    void retainedStatusOnlineThenOfflineOnClose() throws Exception {
        outbox.append(Topic.of(G, TopicKind.READS), samples.batch(G, 1));
        MqttReporter r = reporter(PASSWORD, 8);
        r.start();
        assertTrue(Subscriber.await(() -> outbox.stats().items() == 0, 10, TimeUnit.SECONDS));
        try (Subscriber late = centre("centre-late")) { // joins later: sees the retained heartbeat
            assertTrue(Subscriber.await(() -> late.received().stream().anyMatch(m -> m.retained() && m.topic().endsWith("/status")),
                    10, TimeUnit.SECONDS));
            GantryStatus status = late.received().stream().filter(m -> m.topic().endsWith("/status")).findFirst().orElseThrow()
                    .envelope().getStatus();
            assertEquals(GantryState.GANTRY_STATE_ONLINE, status.getState());
            assertEquals(12.5f, status.getFramesPerSecond());
            assertEquals(7, status.getHotlistVersion());
            assertEquals(G, status.getGantryId());
            r.close();
            assertTrue(Subscriber.await(() -> late.received().stream()
                    .anyMatch(m -> m.topic().endsWith("/status") && m.envelope().getStatus().getState() == GantryState.GANTRY_STATE_OFFLINE),
                    10, TimeUnit.SECONDS), "farewell status says OFFLINE");
        }
    }

    @Test
    void downstreamMessagesReachTheirHandlersAndGarbageIsDropped() throws Exception {
        List<Envelope> deltas = new CopyOnWriteArrayList<>();
        List<Envelope> entries = new CopyOnWriteArrayList<>();
        List<Envelope> configs = new CopyOnWriteArrayList<>();
        try (MqttReporter r = reporter(PASSWORD, 8)
                .on(TopicKind.HOTLIST, deltas::add).on(TopicKind.SECTION_ENTRIES, entries::add).on(TopicKind.CONFIG, configs::add);
             Subscriber centre = centre("centre-down")) {
            r.start();
            assertTrue(Subscriber.await(r::isConnected, 10, TimeUnit.SECONDS));
            centre.publish(Topic.of(G, TopicKind.HOTLIST).name(), "not protobuf at all".getBytes());
            centre.publish(Topic.of(G, TopicKind.HOTLIST).name(), codec.encode(samples.hotlistDelta(0, 1, 3)));
            centre.publish(Topic.of(G, TopicKind.SECTION_ENTRIES).name(), codec.encode(samples.passage("A2-N-km30", G)));
            centre.publish(Topic.of(G, TopicKind.CONFIG).name(), codec.encode(samples.configPush()));
            assertTrue(Subscriber.await(() -> deltas.size() == 1 && entries.size() == 1 && configs.size() == 1, 10, TimeUnit.SECONDS));
            assertEquals(3, deltas.get(0).getHotlistDelta().getUpsertsCount());
            assertEquals(1, r.rejectedDownstream());
            assertTrue(r.isConnected(), "a bad payload does not cost the connection");
        }
    }

    /** Issue 17, item 3c: a handler that fails gets the message once, acknowledged; it never loops or costs the link. */
    @Test
    void aMessageThatCannotBeAppliedIsAcknowledgedOnceNotRedeliveredForEver() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        try (MqttReporter r = reporter(PASSWORD, 8).on(TopicKind.HOTLIST, env -> {
                calls.incrementAndGet();
                throw new java.sql.SQLException("disk I/O error");
            });
             Subscriber centre = centre("centre-failing")) {
            r.start();
            assertTrue(Subscriber.await(r::isConnected, 10, TimeUnit.SECONDS));
            centre.publish(Topic.of(G, TopicKind.HOTLIST).name(), codec.encode(samples.hotlistDelta(0, 1, 3)));
            assertTrue(Subscriber.await(() -> r.failedDownstream() == 1, 10, TimeUnit.SECONDS));
            Thread.sleep(1500); // a redelivery (after a dropped link) would call the handler again
            assertEquals(1, calls.get(), "handled once");
            assertTrue(r.isConnected(), "the link stays up");
        }
    }

    @Test
    void brokerOutageLosesNothingAndTheBacklogDrains() throws Exception {
        try (Subscriber centre = centre("centre-outage"); MqttReporter r = reporter(PASSWORD, 32)) {
            r.start();
            assertTrue(Subscriber.await(r::isConnected, 10, TimeUnit.SECONDS));
            List<String> written = new CopyOnWriteArrayList<>();
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 0; i < 300; i++) {
                        var batch = PlateReadBatch.newBuilder().addReads(samples.read(G)).build();
                        outbox.append(Topic.of(G, TopicKind.READS), batch);
                        written.add(java.util.HexFormat.of().formatHex(batch.getReads(0).getReadId().toByteArray()));
                        Thread.sleep(10);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            producer.start();
            Thread.sleep(500);
            broker.stopProcess();
            Thread.sleep(2000); // outage: the producer keeps writing to the outbox
            assertTrue(outbox.stats().items() > 0, "backlog builds up while the broker is down");
            broker.startProcess();
            producer.join();
            assertTrue(Subscriber.await(() -> centre.distinctReadIds().containsAll(written), 30, TimeUnit.SECONDS),
                    "every read arrives after the outage; missing " + (written.size() - centre.distinctReadIds().size()));
            assertTrue(Subscriber.await(() -> outbox.stats().items() == 0, 10, TimeUnit.SECONDS));
            assertTrue(r.connects() >= 2, "reconnected");
            assertTrue(r.peakInflight() > 1, "the backlog drained with several messages in flight: " + r.peakInflight());
            long batched = centre.received().stream().filter(m -> m.topic().endsWith("/reads"))
                    .filter(m -> m.envelope().getReads().getReadsCount() > 1).count();
            assertTrue(batched > 0, "the backlog went out in batches of reads");
            assertTrue(r.published() < 300, "fewer messages than reads: " + r.published());
        }
    }

    @Test
    void queuedReadsAreBatchedUpToTheLimitAndAlertsGoAlone() throws Exception {
        for (int i = 0; i < 23; i++) {
            outbox.append(Topic.of(G, TopicKind.READS), PlateReadBatch.newBuilder().addReads(samples.read(G)).build());
        }
        outbox.append(Topic.of(G, TopicKind.ALERTS), samples.alert(G));
        outbox.append(Topic.of(G, TopicKind.ALERTS), samples.alert(G));
        MqttSettings s = MqttSettings.of(broker.uri(), G, USER, PASSWORD).withTiming(1, 100, 1000).withMaxReadsPerMessage(10);
        try (Subscriber centre = centre("centre-batch");
             MqttReporter r = new MqttReporter(G, s, outbox, codec, GantryStatus::getDefaultInstance)) {
            r.start();
            assertTrue(Subscriber.await(() -> outbox.stats().items() == 0, 20, TimeUnit.SECONDS), "everything acknowledged");
            // the broker acknowledged them; its delivery to our subscriber may still be on the way
            assertTrue(Subscriber.await(() -> centre.received().stream().filter(m -> !m.topic().endsWith("/status")).count() >= 5,
                    10, TimeUnit.SECONDS), "all five messages reach the subscriber");
            List<Received> upstream = centre.received().stream().filter(m -> !m.topic().endsWith("/status")).toList();
            assertEquals(List.of(1, 1, 10, 10, 3), upstream.stream().map(m -> m.topic().endsWith("/alerts") ? 1
                    : m.envelope().getReads().getReadsCount()).toList(), "two alerts alone, then reads in tens");
            assertEquals(23, centre.distinctReadIds().size());
            // counted just after the outbox deletes them
            assertTrue(Subscriber.await(() -> r.acknowledged() == 25, 10, TimeUnit.SECONDS), "every outbox item: " + r.acknowledged());
            assertEquals(5, r.published(), "five messages");
        }
    }

    @Test
    void aSmallWindowStillFillsItsBatchesAfterTheSingles() throws Exception {
        for (int i = 0; i < 3; i++) {
            outbox.append(Topic.of(G, TopicKind.PASSAGES), samples.passage(G, "A2-N-km52"));
        }
        for (int i = 0; i < 23; i++) {
            outbox.append(Topic.of(G, TopicKind.READS), PlateReadBatch.newBuilder().addReads(samples.read(G)).build());
        }
        MqttSettings s = MqttSettings.of(broker.uri(), G, USER, PASSWORD).withTiming(1, 100, 1000)
                .withMaxInflight(2).withMaxReadsPerMessage(10);
        try (Subscriber centre = centre("centre-window");
             MqttReporter r = new MqttReporter(G, s, outbox, codec, GantryStatus::getDefaultInstance)) {
            r.start();
            assertTrue(Subscriber.await(() -> outbox.stats().items() == 0, 20, TimeUnit.SECONDS), "everything acknowledged");
            assertTrue(Subscriber.await(() -> centre.readIds().size() >= 23, 10, TimeUnit.SECONDS), "every read reaches the subscriber");
            List<Integer> sizes = centre.received().stream().filter(m -> m.topic().endsWith("/reads"))
                    .map(m -> m.envelope().getReads().getReadsCount()).toList();
            assertEquals(23, sizes.stream().mapToInt(Integer::intValue).sum());
            assertTrue(sizes.size() <= 4, "reads went in batches even with two messages in flight: " + sizes);
            assertTrue(Subscriber.await(() -> r.acknowledged() == 26, 10, TimeUnit.SECONDS), "acknowledged: " + r.acknowledged());
        }
    }
}
