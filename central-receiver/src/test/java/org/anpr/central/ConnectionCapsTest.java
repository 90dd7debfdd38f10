package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.support.RawMqtt;
import org.anpr.central.support.TestGantries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, item 4: open connections are capped in all and per address; one over is closed on arrival. */
class ConnectionCapsTest {
    @TempDir
    Path dir;

    private static Socket from(String local, int port) throws Exception {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        return s;
    }

    /** Whether the server closed it within {@code millis}. */
    private static boolean closedWithin(Socket s, int millis) throws Exception {
        s.setSoTimeout(millis);
        InputStream in = s.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    @Test
    void connectionsOverACapAreClosedOnArrival() throws Exception {
        var config = TestGantries.config(dir);
        try (Receiver receiver = new Receiver(config.withMqtt(config.mqtt().withConnectionCaps(4, 2)))) {
            receiver.start();
            int port = receiver.port();
            List<Socket> open = new ArrayList<>();
            try {
                open.add(from("127.0.0.1", port));
                open.add(from("127.0.0.1", port));
                Socket third = from("127.0.0.1", port);
                assertTrue(closedWithin(third, 2_000), "a third from one address is over its cap of 2");
                third.close();
                open.add(from("127.0.0.2", port));
                open.add(from("127.0.0.3", port));
                Socket fifth = from("127.0.0.4", port);
                assertTrue(closedWithin(fifth, 2_000), "a fifth in all is over the total cap of 4");
                fifth.close();
                for (Socket s : open) {
                    assertFalse(closedWithin(s, 200), "those under the caps stay open");
                }
                assertEquals(2, receiver.metrics().get(Counter.CONNECTIONS_CAPPED));

                open.remove(0).close(); // a slot frees up: a gantry from that address gets in and connects
                Thread.sleep(200);
                try (RawMqtt gantry = new RawMqtt(port)) {
                    gantry.send(RawMqtt.connect(ENTRY, ENTRY, TestGantries.password(ENTRY), 30));
                    assertArrayEquals(new byte[] {0x20, 0x02, 0x00, 0x00}, gantry.read(4), "CONNACK accepted");
                }
            } finally {
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }
}
