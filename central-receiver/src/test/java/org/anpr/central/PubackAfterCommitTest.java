package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.await;
import static org.anpr.central.support.TestGantries.encode;
import static org.anpr.central.support.TestGantries.unchecked;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.support.HoldingStore;
import org.anpr.central.support.RawMqtt;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PUBACK means "durably stored": with commits held at the store, no PUBACK may arrive. */
class PubackAfterCommitTest {
    @TempDir
    Path dir;
    Receiver receiver;
    HoldingStore holding;
    MqttAsyncClient gantry;
    final SampleMessages samples = new SampleMessages(11);
    final String reads = Topic.of(ENTRY, TopicKind.READS).name();

    /** Small water marks, so that a handful of held publishes is "the store lags". */
    void start(int maxInflightPerClient) throws Exception {
        var config = TestGantries.config(dir);
        var m = config.mqtt();
        config = config.withMqtt(new MqttConfig(m.host(), m.port(), m.maxMessageBytes(), m.maxClientIdLength(),
                maxInflightPerClient, m.maxKeepAliveSeconds(), m.connectTimeoutSeconds()));
        receiver = new Receiver(config.withStore(config.store().withWaterMarks(4, 1)), real -> holding = new HoldingStore(real));
        receiver.start();
        gantry = new MqttAsyncClient("tcp://127.0.0.1:" + receiver.port(), ENTRY, new MemoryPersistence());
        gantry.connect(TestGantries.options(ENTRY, true)).waitForCompletion(5_000);
        // The connect's own write (the gantry goes online) is submitted just after CONNACK: let it
        // commit before a test holds the store, or it would be held too and count as queued.
        await("the connect's presence to be committed", Duration.ofSeconds(5), unchecked(() ->
                receiver.store().fleet().stream().anyMatch(f -> f.gantryId().equals(ENTRY) && f.online())
                        && receiver.writer().queued() == 0));
    }

    @AfterEach
    void stop() throws Exception {
        if (receiver == null) {
            return;
        }
        holding.release();
        gantry.disconnectForcibly(0, 1_000);
        gantry.close(true);
        receiver.close();
    }

    @Test
    void noPubackBeforeTheCommit() throws Exception {
        start(32);
        holding.hold();
        IMqttDeliveryToken token = gantry.publish(reads, encode(samples.batch(ENTRY, 2)), 1, false);
        await("the commit to reach the store", Duration.ofSeconds(5), () -> holding.waiting() == 1);
        Thread.sleep(300); // time enough for a wrongly early PUBACK to arrive
        assertFalse(token.isComplete(), "PUBACK arrived while the commit was still held");
        assertEquals(0, receiver.store().countReads());

        holding.release();
        token.waitForCompletion(5_000);
        assertTrue(token.isComplete());
        assertEquals(2, receiver.store().countReads(), "acknowledged means stored");
    }

    @Test
    void aLaggingStorePausesReadingUntilItCatchesUp() throws Exception {
        start(32);
        holding.hold();
        List<IMqttDeliveryToken> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tokens.add(gantry.publish(reads, encode(samples.batch(ENTRY, 1)), 1, false));
        }
        await("the store to report lag", Duration.ofSeconds(5), () -> receiver.writer().lagging());
        assertTrue(receiver.metrics().get(Counter.BACKPRESSURE_PAUSES) >= 1);
        assertTrue(tokens.stream().noneMatch(IMqttDeliveryToken::isComplete));

        holding.release();
        for (IMqttDeliveryToken t : tokens) {
            t.waitForCompletion(5_000);
        }
        await("all 8 reads committed", Duration.ofSeconds(5), unchecked(() -> receiver.store().countReads() == 8));
        await("reading to resume", Duration.ofSeconds(5), () -> !receiver.writer().lagging());
        // Still served after the pause: one more round trip.
        gantry.publish(reads, encode(samples.batch(ENTRY, 1)), 1, false).waitForCompletion(5_000);
        assertEquals(9, receiver.store().countReads());
    }

    @Test
    void aClientAtItsInflightLimitIsNotReadFurther() throws Exception {
        start(2);
        holding.hold();
        // ~180 KB noise crops: each publish spans several socket reads, so the pause lands between
        // publishes (what one read already holds is still decoded: the limit is exact to a read).
        SampleMessages big = new SampleMessages(31, 12_000_000);
        List<IMqttDeliveryToken> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tokens.add(gantry.publish(reads, encode(big.batch(ENTRY, 1)), 1, false));
        }
        await("two publishes to reach the writer", Duration.ofSeconds(5), () -> receiver.writer().queued() == 2);
        Thread.sleep(500);
        assertEquals(2, receiver.writer().queued(), "the third is not read while two await their commit");
        assertFalse(receiver.writer().lagging(), "per-client limit, not the global one");

        holding.release();
        for (IMqttDeliveryToken t : tokens) {
            t.waitForCompletion(10_000);
        }
        assertEquals(5, receiver.store().countReads());
    }

    @Test
    void aClientWeStoppedReadingIsNotDroppedAsIdle() throws Exception {
        start(1);
        holding.hold();
        try (RawMqtt raw = new RawMqtt(receiver.port())) {
            raw.send(RawMqtt.connect(EXIT, EXIT, TestGantries.password(EXIT), 1)); // keep-alive 1 s
            assertArrayEquals(new byte[] {0x20, 0x02, 0x00, 0x00}, raw.read(4));
            raw.send(RawMqtt.publishQos1(Topic.of(EXIT, TopicKind.READS).name(), 7, encode(samples.batch(EXIT, 1))));
            // One publish awaiting its commit is this client's whole in-flight allowance: we stop
            // reading it, so its silence is ours, and 1.5 x keep-alive passes without a drop.
            assertFalse(raw.closedWithin(2_500), "dropped while we were not reading it");

            holding.release();
            assertArrayEquals(new byte[] {0x40, 0x02, 0x00, 0x07}, raw.read(4), "PUBACK 7 after the commit");
            assertTrue(raw.closedWithin(4_000), "silent again, and read again: now it is idle");
        }
        assertEquals(1, receiver.metrics().get(Counter.IDLE_DISCONNECTS));
    }
}
