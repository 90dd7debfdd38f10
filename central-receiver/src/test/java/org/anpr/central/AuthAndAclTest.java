package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.await;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.support.RawMqtt;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may connect, publish where and subscribe to what. */
class AuthAndAclTest {
    @TempDir
    Path dir;
    Receiver receiver;
    final SampleMessages samples = new SampleMessages(5);

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver(TestGantries.config(dir));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void wrongPasswordIsRefusedInTheConnack() throws Exception {
        MqttClient c = TestGantries.client(receiver.port(), ENTRY);
        MqttConnectOptions o = TestGantries.options(ENTRY, true);
        o.setPassword("guess".toCharArray());
        MqttSecurityException e = assertThrows(MqttSecurityException.class, () -> c.connect(o));
        assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, e.getReasonCode());
        c.close(true);

        MqttClient unknown = TestGantries.client(receiver.port(), "A99-unknown");
        MqttConnectOptions u = TestGantries.options("A99-unknown", true);
        assertThrows(MqttSecurityException.class, () -> unknown.connect(u));
        unknown.close(true);
        assertEquals(2, receiver.metrics().get(Counter.CONNECTIONS_REFUSED));
    }

    @Test
    void clientIdMustBeTheGantryId() throws Exception {
        MqttClient c = TestGantries.client(receiver.port(), "someone-else");
        MqttException e = assertThrows(MqttException.class, () -> c.connect(TestGantries.options(ENTRY, true)));
        assertEquals(MqttException.REASON_CODE_INVALID_CLIENT_ID, e.getReasonCode());
        c.close(true);
    }

    @Test
    void clientIdLongerThanTheLimitIsRejected() throws Exception {
        String longId = "G".repeat(65); // mqtt.maxClientIdLength is 64, the gantry-id limit
        try (RawMqtt raw = new RawMqtt(receiver.port())) {
            raw.send(RawMqtt.connect(longId, ENTRY, TestGantries.password(ENTRY), 30));
            assertArrayEquals(new byte[] {0x20, 0x02, 0x00, 0x02}, raw.read(4), "CONNACK 2: identifier rejected");
            assertTrue(raw.closedWithin(3_000));
        }
        assertEquals(1, receiver.metrics().get(Counter.CONNECTIONS_REFUSED), "refused before any password check");
    }

    @Test
    void rawConnackCarriesReturnCode4ForABadPassword() throws Exception {
        try (RawMqtt raw = new RawMqtt(receiver.port())) {
            raw.send(RawMqtt.connect(ENTRY, ENTRY, "wrong", 30));
            assertArrayEquals(new byte[] {0x20, 0x02, 0x00, 0x04}, raw.read(4), "CONNACK 4: bad user name or password");
            assertTrue(raw.closedWithin(3_000));
        }
    }

    @Test
    void publishingToAnotherGantrysTopicClosesTheConnection() throws Exception {
        MqttClient gantry = TestGantries.connect(receiver.port(), ENTRY, true);
        try {
            byte[] theirs = encode(samples.batch(EXIT, 1));
            // MQTT 3.1.1 has no negative PUBACK: the only refusal is closing the connection.
            assertThrows(MqttException.class, () -> gantry.publish(Topic.of(EXIT, TopicKind.READS).name(), theirs, 1, false));
            await("the connection to close", Duration.ofSeconds(5), () -> !gantry.isConnected());
        } finally {
            TestGantries.closeQuietly(gantry);
        }
        MqttClient again = TestGantries.connect(receiver.port(), ENTRY, true);
        try {
            // Nor may it publish on its own downstream topics.
            assertThrows(MqttException.class, () -> again.publish(Topic.of(ENTRY, TopicKind.HOTLIST).name(),
                    encode(samples.hotlistDelta(0, 1, 1)), 1, false));
        } finally {
            TestGantries.closeQuietly(again);
        }
        assertEquals(0, receiver.store().countReads());
        assertEquals(2, receiver.metrics().get(Counter.ACL_DENIALS));
    }

    @Test
    void subscribingToAnotherGantrysTopicGetsSubackFailure() throws Exception {
        MqttAsyncClient gantry = new MqttAsyncClient("tcp://127.0.0.1:" + receiver.port(), ENTRY, new MemoryPersistence());
        try {
            gantry.connect(TestGantries.options(ENTRY, true)).waitForCompletion(5_000);
            IMqttToken token = gantry.subscribe(new String[] {
                Topic.of(EXIT, TopicKind.SECTION_ENTRIES).name(),   // someone else's
                Topic.of(ENTRY, TopicKind.SECTION_ENTRIES).name(),  // its own: granted
                Topic.of(ENTRY, TopicKind.READS).name(),            // its own, but upstream
                "anpr/v1/+/hotlist",                                 // wildcards: never
            }, new int[] {1, 1, 1, 1});
            token.waitForCompletion(5_000);
            assertArrayEquals(new int[] {0x80, 1, 0x80, 0x80}, token.getGrantedQos());
            assertTrue(gantry.isConnected(), "a refused subscription closes nothing");
            assertTrue(receiver.sessions().isSubscribed(ENTRY, TopicKind.SECTION_ENTRIES));
            assertEquals(3, receiver.metrics().get(Counter.ACL_DENIALS));
        } finally {
            gantry.disconnectForcibly(0, 1_000);
            gantry.close(true);
        }
    }

    @Test
    void aWillOnAnotherTopicIsRefused() throws Exception {
        MqttClient c = TestGantries.client(receiver.port(), ENTRY);
        MqttConnectOptions o = TestGantries.options(ENTRY, true);
        o.setWill(Topic.of(EXIT, TopicKind.STATUS).name(), new byte[] {1}, 1, true);
        MqttException e = assertThrows(MqttException.class, () -> c.connect(o));
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, e.getReasonCode());
        c.close(true);
    }
}
