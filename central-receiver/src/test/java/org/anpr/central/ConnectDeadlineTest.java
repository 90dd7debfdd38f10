package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.support.RawMqtt;
import org.anpr.central.support.TestGantries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, item 4: the time to CONNECT is a deadline; trickling bytes does not extend it. */
class ConnectDeadlineTest {
    @TempDir
    Path dir;
    Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        var c = TestGantries.config(dir);
        var m = c.mqtt();
        receiver = new Receiver(c.withMqtt(new MqttConfig(m.host(), 0, m.maxMessageBytes(), m.maxClientIdLength(),
                m.maxInflightPerClient(), m.maxKeepAliveSeconds(), 1)));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aClientTricklingItsConnectIsClosedAtTheDeadline() throws Exception {
        byte[] connect = RawMqtt.connect(ENTRY, ENTRY, TestGantries.password(ENTRY), 30);
        long t0 = System.nanoTime();
        boolean closed = false;
        try (RawMqtt raw = new RawMqtt(receiver.port())) {
            for (int i = 0; i < connect.length - 1 && !closed; i++) { // every byte but the last, one per 250 ms
                try {
                    raw.send(new byte[] {connect[i]});
                } catch (IOException reset) {
                    closed = true;
                }
                closed = closed || raw.closedWithin(250);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(closed, "still open after " + ms + " ms of trickling, with a 1 s connect deadline");
            assertTrue(ms < 3_000, "closed only after " + ms + " ms");
        }
        // a client that connects in time is not affected
        try (RawMqtt ok = new RawMqtt(receiver.port())) {
            ok.send(connect);
            assertArrayEquals(new byte[] {0x20, 0x02, 0x00, 0x00}, ok.read(4), "CONNACK accepted");
            assertTrue(!ok.closedWithin(1_500), "kept past the connect deadline once connected");
        }
    }
}
