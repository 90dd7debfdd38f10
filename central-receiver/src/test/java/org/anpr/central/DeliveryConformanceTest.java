package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.await;
import static org.anpr.central.support.TestGantries.encode;
import static org.anpr.central.support.TestGantries.unchecked;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.support.Inbox;
import org.anpr.central.support.RawMqtt;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.SectionPassage;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 6b: the receiver grants only the QoS it delivers (QoS 1), and a client that never
 * acknowledges a delivery is disconnected instead of pinning its in-flight window for ever.
 */
class DeliveryConformanceTest {
    @TempDir
    Path dir;
    Receiver receiver;
    final String sectionEntries = Topic.of(EXIT, TopicKind.SECTION_ENTRIES).name();

    @BeforeEach
    void start() throws Exception {
        var c = TestGantries.config(dir);
        receiver = new Receiver(c.withMqtt(c.mqtt().withDeliveryTimeoutSeconds(1)));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static RawMqtt connected(int port, String gantry) throws Exception {
        RawMqtt raw = new RawMqtt(port);
        raw.send(RawMqtt.connect(gantry, gantry, TestGantries.password(gantry), 30));
        assertArrayEquals(new byte[] {0x20, 0x02, 0x00, 0x00}, raw.read(4), "CONNACK accepted");
        return raw;
    }

    private static int subscribe(RawMqtt raw, int packetId, String filter, int qos) throws Exception {
        raw.send(RawMqtt.subscribe(packetId, filter, qos));
        RawMqtt.Packet ack = raw.readPacket();
        assertEquals(9, ack.type(), "SUBACK");
        assertEquals(packetId, ((ack.body()[0] & 0xFF) << 8) | (ack.body()[1] & 0xFF));
        return ack.body()[2] & 0xFF;
    }

    @Test
    void onlyQos1IsGrantedBecauseOnlyQos1IsDelivered() throws Exception {
        try (RawMqtt raw = connected(receiver.port(), EXIT)) {
            assertEquals(0x80, subscribe(raw, 1, sectionEntries, 0), "QoS 0 granted, though deliveries are QoS 1");
            assertEquals(1, subscribe(raw, 2, sectionEntries, 2), "QoS 2 asked: 1 granted");
            assertEquals(1, subscribe(raw, 3, sectionEntries, 1));
        }
        assertEquals(1, receiver.metrics().get(Counter.QOS0_SUBSCRIPTIONS_REFUSED));
    }

    @Test
    void aClientThatNeverAcknowledgesIsClosedAndTheMessageGoesToItsNextConnection() throws Exception {
        SectionPassage passage = new SampleMessages(41).passage(ENTRY, EXIT).toBuilder()
                .setExpiresAtMicros(System.currentTimeMillis() * 1000 + 3_600_000_000L).build();
        try (RawMqtt silent = connected(receiver.port(), EXIT)) {
            assertEquals(1, subscribe(silent, 1, sectionEntries, 1));
            MqttClient entry = TestGantries.connect(receiver.port(), ENTRY, true);
            try {
                entry.publish(Topic.of(ENTRY, TopicKind.PASSAGES).name(), encode(passage), 1, false);
            } finally {
                TestGantries.closeQuietly(entry);
            }
            RawMqtt.Packet delivered = silent.readPacket();
            assertEquals(3, delivered.type(), "the passage is delivered");
            // ... and never acknowledged
            assertTrue(silent.closedWithin(4_000), "a client that never sends PUBACK kept its connection past the 1 s delivery timeout");
        }
        assertEquals(1, receiver.metrics().get(Counter.DELIVERY_TIMEOUTS));
        assertEquals(1, receiver.store().pendingDeliveries().size(), "the unacknowledged passage is still held");

        Inbox inbox = new Inbox();
        MqttClient exit = TestGantries.client(receiver.port(), EXIT);
        exit.setCallback(inbox);
        exit.connect(TestGantries.options(EXIT, true));
        try {
            exit.subscribe(sectionEntries, 1);
            Inbox.Received got = inbox.next(5);
            assertNotNull(got, "the passage reaches the exit's next, acknowledging connection");
            assertEquals(passage, TestGantries.CODEC.decode(got.payload()).getPassage());
            await("the delivery acknowledged and forgotten", Duration.ofSeconds(5),
                    unchecked(() -> receiver.store().pendingDeliveries().isEmpty()));
        } finally {
            TestGantries.closeQuietly(exit);
        }
    }
}
