package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** Removes (and closes) the sockets the server has closed; returns how many. */
    private static int closeClosed(List<Socket> sockets) throws Exception {
        int closed = 0;
        for (java.util.Iterator<Socket> it = sockets.iterator(); it.hasNext(); ) {
            Socket s = it.next();
            if (closedWithin(s, 500)) {
                s.close();
                it.remove();
                closed++;
            }
        }
        return closed;
    }

    @Test
    void connectionsOverACapAreClosedOnArrival() throws Exception {
        var config = TestGantries.config(dir);
        try (Receiver receiver = new Receiver(config.withMqtt(config.mqtt().withConnectionCaps(4, 2)))) {
            receiver.start();
            int port = receiver.port();
            List<Socket> open = new ArrayList<>();
            try {
                // which connection is the one over the cap depends on which event loop activates it
                // first, so the test counts: exactly one of them is closed
                for (int i = 0; i < 3; i++) {
                    open.add(from("127.0.0.1", port));
                }
                assertEquals(1, closeClosed(open), "a third from one address is over its cap of 2");
                for (String local : List.of("127.0.0.2", "127.0.0.3", "127.0.0.4")) {
                    open.add(from(local, port));
                }
                assertEquals(1, closeClosed(open), "a fifth in all is over the total cap of 4");
                assertEquals(4, open.size());
                assertEquals(0, closeClosed(open), "those under the caps stay open");
                assertEquals(2, receiver.metrics().get(Counter.CONNECTIONS_CAPPED));

                open.remove(0).close(); // a slot frees up: a gantry gets in and connects
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
