package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.await;
import static org.anpr.central.support.TestGantries.encode;
import static org.anpr.central.support.TestGantries.unchecked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.anpr.central.support.Inbox;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.SectionPassage;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section routing, persistent sessions and hotlist distribution, with real Paho gantries. */
class DownstreamTest {
    @TempDir
    Path dir;
    Receiver receiver;
    final SampleMessages samples = new SampleMessages(13);
    final String passages = Topic.of(ENTRY, TopicKind.PASSAGES).name();
    final String sectionEntries = Topic.of(EXIT, TopicKind.SECTION_ENTRIES).name();

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver(TestGantries.config(dir));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    /** The samples are dated November 2026; a held passage must not have expired yet (retention drops it). */
    private SectionPassage freshPassage() {
        return samples.passage(ENTRY, EXIT).toBuilder()
                .setExpiresAtMicros(System.currentTimeMillis() * 1000 + 72L * 3600 * 1_000_000).build();
    }

    private MqttClient connect(String gantry, boolean clean, Inbox inbox) throws Exception {
        MqttClient c = TestGantries.client(receiver.port(), gantry);
        c.setCallback(inbox);
        c.connect(TestGantries.options(gantry, clean));
        return c;
    }

    @Test
    void passageReachesTheOnlineExitGantryAndIsForgottenOnceAcknowledged() throws Exception {
        Inbox inbox = new Inbox();
        MqttClient exit = connect(EXIT, true, inbox);
        MqttClient entry = TestGantries.connect(receiver.port(), ENTRY, true);
        try {
            exit.subscribe(sectionEntries, 1);
            SectionPassage passage = freshPassage();
            entry.publish(passages, encode(passage), 1, false);

            Inbox.Received got = inbox.next(5);
            assertNotNull(got, "the exit gantry receives the passage");
            assertEquals(sectionEntries, got.topic());
            Envelope env = TestGantries.CODEC.decode(Topic.of(EXIT, TopicKind.SECTION_ENTRIES), got.payload());
            assertEquals(passage, env.getPassage());
            await("the delivery record to be deleted after the exit's PUBACK", Duration.ofSeconds(5),
                    unchecked(() -> receiver.store().pendingDeliveries().isEmpty()));
            assertTrue(receiver.router().held(EXIT).isEmpty());
            assertEquals(0, receiver.store().countReads(), "passages are not stored as reads");
        } finally {
            TestGantries.closeQuietly(entry);
            TestGantries.closeQuietly(exit);
        }
    }

    @Test
    void persistentSessionGetsWhatWasQueuedWhileOffline() throws Exception {
        Inbox first = new Inbox();
        MqttClient exit = connect(EXIT, false, first);
        exit.subscribe(sectionEntries, 1);
        exit.disconnect();
        exit.close();

        MqttClient entry = TestGantries.connect(receiver.port(), ENTRY, true);
        SectionPassage passage = freshPassage();
        try {
            entry.publish(passages, encode(passage), 1, false);
        } finally {
            TestGantries.closeQuietly(entry);
        }
        assertEquals(1, receiver.store().pendingDeliveries().size(), "held durably while the exit gantry is offline");
        assertNull(first.next(0));

        Inbox second = new Inbox();
        MqttClient again = connect(EXIT, false, second); // no new SUBSCRIBE: the session remembers
        try {
            Inbox.Received got = second.next(5);
            assertNotNull(got, "queued message delivered after reconnect");
            assertEquals(passage, TestGantries.CODEC.decode(got.payload()).getPassage());
            await("delivery to be acknowledged", Duration.ofSeconds(5), unchecked(() -> receiver.store().pendingDeliveries().isEmpty()));
            assertNull(second.next(0), "delivered once");
        } finally {
            TestGantries.closeQuietly(again);
        }
    }

    /** Issue 17, item 6: a session's queue is bounded; what it refuses stays held and is offered again. */
    @Test
    void aFullSessionQueueRefusesAndTheRefusedPassagesFollowOnReconnect() throws Exception {
        receiver.close();
        var c = TestGantries.config(dir);
        receiver = new Receiver(c.withMqtt(c.mqtt().withMaxQueuedPerSession(2)));
        receiver.start();
        MqttClient exit = connect(EXIT, false, new Inbox());
        exit.subscribe(sectionEntries, 1);
        exit.disconnect();
        exit.close();
        MqttClient entry = TestGantries.connect(receiver.port(), ENTRY, true);
        List<SectionPassage> sent = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                SectionPassage p = freshPassage();
                sent.add(p);
                entry.publish(passages, encode(p), 1, false);
            }
        } finally {
            TestGantries.closeQuietly(entry);
        }
        await("four passages held", Duration.ofSeconds(5), () -> receiver.router().held(EXIT).size() == 4);
        assertEquals(2, receiver.metrics().get(org.anpr.central.metrics.ReceiverMetrics.Counter.DOWNSTREAM_QUEUE_FULL),
                "two of four passages refused by an offline session that queues two");
        Inbox inbox = new Inbox();
        MqttClient again = connect(EXIT, false, inbox);
        try {
            java.util.Set<SectionPassage> got = new java.util.HashSet<>();
            for (int i = 0; i < 4; i++) {
                Inbox.Received r = inbox.next(5);
                assertNotNull(r, "passage " + (i + 1) + " of 4 after reconnect");
                got.add(TestGantries.CODEC.decode(r.payload()).getPassage());
            }
            assertEquals(new java.util.HashSet<>(sent), got);
            await("every delivery acknowledged", Duration.ofSeconds(5), unchecked(() -> receiver.store().pendingDeliveries().isEmpty()));
        } finally {
            TestGantries.closeQuietly(again);
        }
    }

    @Test
    void heldPassagesSurviveARestartOfTheReceiver() throws Exception {
        MqttClient entry = TestGantries.connect(receiver.port(), ENTRY, true);
        SectionPassage passage = freshPassage();
        entry.publish(passages, encode(passage), 1, false);
        TestGantries.closeQuietly(entry);
        receiver.close();

        receiver = new Receiver(TestGantries.config(dir));
        receiver.start();
        assertEquals(1, receiver.router().held(EXIT).size());
        Inbox inbox = new Inbox();
        MqttClient exit = connect(EXIT, true, inbox);
        try {
            exit.subscribe(sectionEntries, 1);
            Inbox.Received got = inbox.next(5);
            assertNotNull(got);
            assertEquals(passage, TestGantries.CODEC.decode(got.payload()).getPassage());
        } finally {
            TestGantries.closeQuietly(exit);
        }
    }

    @Test
    void gantryBehindGetsTheDeltaFromItsStatusVersionAndEveryChangeAtOnce() throws Exception {
        receiver.hotlist().apply(List.of(samples.hotlistEntry("11AAA1")), List.of());       // v1
        receiver.hotlist().apply(List.of(samples.hotlistEntry("22BBB2")), List.of());       // v2
        Inbox inbox = new Inbox();
        MqttClient exit = connect(EXIT, true, inbox);
        try {
            exit.subscribe(Topic.of(EXIT, TopicKind.HOTLIST).name(), 1);
            // Its status says it holds version 1.
            exit.publish(Topic.of(EXIT, TopicKind.STATUS).name(),
                    encode(samples.status(EXIT).toBuilder().setHotlistVersion(1).build()), 1, true);
            HotlistDelta delta = TestGantries.CODEC.decode(inbox.next(5).payload()).getHotlistDelta();
            assertEquals(1, delta.getFromVersion());
            assertEquals(2, delta.getToVersion());
            assertFalse(delta.getFullSnapshot());
            assertEquals("22BBB2", delta.getUpserts(0).getPlateText());
            assertEquals(1, delta.getUpsertsCount());

            long t0 = System.nanoTime();
            receiver.hotlist().apply(List.of(), List.of(delta.getUpserts(0).getEntryId()));  // v3
            Inbox.Received pushed = inbox.next(1);
            assertNotNull(pushed, "a change reaches a connected gantry within a second");
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
            HotlistDelta change = TestGantries.CODEC.decode(pushed.payload()).getHotlistDelta();
            assertEquals(2, change.getFromVersion());
            assertEquals(3, change.getToVersion());
            assertEquals(List.of(delta.getUpserts(0).getEntryId()), change.getRemovedEntryIdsList());

            // A heartbeat at the current version asks for nothing.
            exit.publish(Topic.of(EXIT, TopicKind.STATUS).name(),
                    encode(samples.status(EXIT).toBuilder().setHotlistVersion(3).build()), 1, true);
            assertNull(inbox.next(1));
        } finally {
            TestGantries.closeQuietly(exit);
        }
    }
}
