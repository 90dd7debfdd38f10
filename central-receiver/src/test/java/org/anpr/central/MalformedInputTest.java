package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.await;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.store.RejectedPayload;
import org.anpr.central.support.RawMqtt;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.ProtocolException.Problem;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad payloads are quarantined and acknowledged; bad packets close only their own connection. */
class MalformedInputTest {
    static final int MAX_PACKET = 64 * 1024;

    @TempDir
    Path dir;
    Receiver receiver;
    final SampleMessages samples = new SampleMessages(3);
    final String reads = Topic.of(ENTRY, TopicKind.READS).name();

    @BeforeEach
    void start() throws Exception {
        var config = TestGantries.config(dir);
        receiver = new Receiver(config.withMqtt(config.mqtt().withMaxMessageBytes(MAX_PACKET)));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void badPayloadIsQuarantinedAcknowledgedAndTheConnectionSurvives() throws Exception {
        MqttClient gantry = TestGantries.connect(receiver.port(), ENTRY, true);
        try {
            byte[] garbage = "definitely not protobuf \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
            gantry.publish(reads, garbage, 1, false); // returns: it was acknowledged
            // A valid envelope of the wrong type for the topic is rejected too.
            gantry.publish(reads, encode(samples.status(ENTRY)), 1, false);
            assertTrue(gantry.isConnected(), "a bad payload closes nothing");

            gantry.publish(reads, encode(samples.batch(ENTRY, 1)), 1, false);
            assertEquals(1, receiver.store().countReads(), "the next good message is stored");
        } finally {
            TestGantries.closeQuietly(gantry);
        }
        assertEquals(2, receiver.metrics().get(Counter.REJECTED_PAYLOADS));
        assertEquals(1, receiver.metrics().rejectedCount(Problem.WRONG_PAYLOAD_FOR_TOPIC));
        var rejected = receiver.store().rejected();
        assertEquals(2, rejected.size());
        RejectedPayload first = rejected.get(0);
        assertEquals(ENTRY, first.gantryId());
        assertEquals(reads, first.topic());
        assertEquals("MALFORMED", first.problem());
        assertArrayEquals("definitely not protobuf \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1), first.payload());
    }

    /** Issue 17, item 3: a read stamped far in the future is quarantined, and the gantry's next read stored. */
    @Test
    void aReadFromTheFutureIsQuarantinedNotStored() throws Exception {
        MqttClient gantry = TestGantries.connect(receiver.port(), ENTRY, true);
        try {
            long inTwoDays = System.currentTimeMillis() + 48L * 3600 * 1000;
            org.anpr.protocol.ids.Uuid7 future = new org.anpr.protocol.ids.Uuid7(java.time.Clock.fixed(
                    java.time.Instant.ofEpochMilli(inTwoDays), java.time.ZoneOffset.UTC));
            var read = samples.read(ENTRY).toBuilder()
                    .setReadId(com.google.protobuf.ByteString.copyFrom(org.anpr.protocol.ids.Uuid7.toBytes(future.generate()))).build();
            gantry.publish(reads, encode(org.anpr.protocol.v1.PlateReadBatch.newBuilder().addReads(read).build()), 1, false);
            gantry.publish(reads, encode(samples.batch(ENTRY, 1)), 1, false);
            assertEquals(1, receiver.store().countReads(), "only the plausible read is stored");
        } finally {
            TestGantries.closeQuietly(gantry);
        }
        var rejected = receiver.store().rejected();
        assertEquals(1, rejected.size());
        assertEquals("INVALID_VALUE", rejected.get(0).problem());
        assertTrue(rejected.get(0).reason().contains("reads.reads[0].read_id") && rejected.get(0).reason().contains("ahead of the centre's clock"),
                rejected.get(0).reason());
    }

    @Test
    void oversizedPacketClosesThatConnectionOnly() throws Exception {
        MqttClient big = TestGantries.connect(receiver.port(), ENTRY, true);
        MqttClient other = TestGantries.connect(receiver.port(), EXIT, true);
        try {
            byte[] tooLarge = new byte[MAX_PACKET + 1];
            assertThrows(MqttException.class, () -> big.publish(reads, tooLarge, 1, false));
            await("the oversized sender to be disconnected", Duration.ofSeconds(5), () -> !big.isConnected());
            assertEquals(1, receiver.metrics().get(Counter.OVERSIZE_PACKETS));

            other.publish(Topic.of(EXIT, TopicKind.READS).name(), encode(samples.batch(EXIT, 1)), 1, false);
            assertEquals(1, receiver.store().countReads(), "the server goes on serving the others");
            assertTrue(other.isConnected());
        } finally {
            TestGantries.closeQuietly(big);
            TestGantries.closeQuietly(other);
        }
    }

    @Test
    void garbageBytesCloseTheirConnectionAndAreCounted() throws Exception {
        try (RawMqtt raw = new RawMqtt(receiver.port())) {
            raw.send(RawMqtt.connect(ENTRY, ENTRY, TestGantries.password(ENTRY), 30));
            assertArrayEquals(new byte[] {0x20, 0x02, 0x00, 0x00}, raw.read(4), "CONNACK accepted");
            raw.send(new byte[] {(byte) 0xF0, 0x00}); // reserved packet type 15
            assertTrue(raw.closedWithin(3_000));
        }
        assertEquals(1, receiver.metrics().get(Counter.MALFORMED_PACKETS));
        MqttClient after = TestGantries.connect(receiver.port(), ENTRY, true);
        TestGantries.closeQuietly(after);
    }

    @Test
    void packetsBeforeConnectAndSilentClientsAreDropped() throws Exception {
        try (RawMqtt raw = new RawMqtt(receiver.port())) {
            raw.send(RawMqtt.packet(0xC0, new byte[0])); // PINGREQ before CONNECT
            assertTrue(raw.closedWithin(3_000));
        }
        try (RawMqtt raw = new RawMqtt(receiver.port())) {
            raw.send(RawMqtt.connect(ENTRY, ENTRY, TestGantries.password(ENTRY), 1)); // keep-alive 1 s
            assertArrayEquals(new byte[] {0x20, 0x02, 0x00, 0x00}, raw.read(4));
            long t0 = System.nanoTime();
            assertTrue(raw.closedWithin(5_000), "idle past 1.5 x keep-alive");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 1_000 && ms < 3_000, "dropped after " + ms + " ms, expected about 1,500");
        }
        assertEquals(1, receiver.metrics().get(Counter.IDLE_DISCONNECTS));
    }
}
