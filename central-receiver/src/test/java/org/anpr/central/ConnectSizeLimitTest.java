package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.support.RawMqtt;
import org.anpr.central.support.TestGantries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 4: a CONNECT is small. One announced larger than mqtt.maxConnectBytes closes the
 * connection from its header, before the receiver buffers its body (the decoder alone would hold
 * up to the 4 MiB message limit for a client nobody has authenticated).
 */
class ConnectSizeLimitTest {
    @TempDir
    Path dir;
    Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        var c = TestGantries.config(dir);
        receiver = new Receiver(c.withMqtt(c.mqtt().withMaxConnectBytes(1_024)));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static byte[] readOrReset(RawMqtt raw) {
        try {
            return raw.read(4);
        } catch (IOException reset) {
            return new byte[0];
        }
    }

    @Test
    void anOversizedConnectIsClosedFromItsHeaderAlone() throws Exception {
        try (RawMqtt raw = new RawMqtt(receiver.port())) {
            // CONNECT announcing 2 MiB (remaining length 0x80 0x80 0x80 0x01), then only a few bytes of it
            raw.send(new byte[] {0x10, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01, 0x00, 0x04, 'M', 'Q'});
            assertTrue(raw.closedWithin(2_000), "a 2 MiB CONNECT announced with a 1 KiB limit: the connection stays open");
        }
        assertEquals(1, receiver.metrics().get(Counter.OVERSIZE_PACKETS));
    }

    @Test
    void aConnectJustOverTheLimitIsRefusedAndOneUnderItIsAccepted() throws Exception {
        String padded = TestGantries.password(ENTRY); // a wrong password as long as the limit needs
        byte[] big = RawMqtt.connect(ENTRY, ENTRY, padded + "x".repeat(1_100), 30);
        try (RawMqtt raw = new RawMqtt(receiver.port())) {
            try {
                raw.send(big);
            } catch (IOException resetMidway) {
                // closed while the body was still being written: what the test wants
            }
            // closed from its header: no password check, so no CONNACK "bad password" either
            assertEquals(0, readOrReset(raw).length, "a " + big.length + "-byte CONNECT over a 1 KiB limit was answered");
        }
        assertEquals(1, receiver.metrics().get(Counter.OVERSIZE_PACKETS));
        byte[] ok = RawMqtt.connect(ENTRY, ENTRY, TestGantries.password(ENTRY), 30);
        try (RawMqtt raw = new RawMqtt(receiver.port())) {
            // the header in three pieces: the limit waits for a whole remaining length before it judges
            raw.send(Arrays.copyOfRange(ok, 0, 1));
            Thread.sleep(50);
            raw.send(Arrays.copyOfRange(ok, 1, 2));
            Thread.sleep(50);
            raw.send(Arrays.copyOfRange(ok, 2, ok.length));
            assertArrayEquals(new byte[] {0x20, 0x02, 0x00, 0x00}, raw.read(4), "CONNACK accepted");
            assertFalse(raw.closedWithin(300));
        }
    }
}
