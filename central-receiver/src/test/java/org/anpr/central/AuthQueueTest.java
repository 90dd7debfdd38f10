package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.config.AuthConfig;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.support.RawMqtt;
import org.anpr.central.support.TestGantries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 4: password checks wait in a bounded queue; a flood of CONNECTs beyond it is
 * refused at once with CONNACK "server unavailable" instead of queueing without bound.
 */
class AuthQueueTest {
    @TempDir
    Path dir;

    @Test
    void connectsBeyondTheQueueAreRefusedAtOnce() throws Exception {
        // a deliberately slow hash, so that the checks pile up: two run, one waits, the rest are shed
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, ENTRY + ":" + PasswordHasher.hash(TestGantries.password(ENTRY).toCharArray(), 10_000_000) + "\n",
                StandardCharsets.UTF_8);
        var config = TestGantries.config(dir).withAuth(new AuthConfig(credentials));
        try (Receiver receiver = new Receiver(config.withMqtt(config.mqtt().withMaxPendingAuthentications(1)))) {
            receiver.start();
            List<RawMqtt> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    clients.add(new RawMqtt(receiver.port()));
                }
                for (int i = 0; i < clients.size(); i++) { // all at once: each check takes about a second
                    clients.get(i).send(RawMqtt.connect(ENTRY, ENTRY, "wrong-" + i, 30));
                }
                int shed = 0;
                int refused = 0;
                for (RawMqtt c : clients) {
                    byte[] connack = c.read(4);
                    assertEquals(4, connack.length, "every CONNECT is answered");
                    assertArrayEquals(new byte[] {0x20, 0x02, 0x00}, java.util.Arrays.copyOf(connack, 3));
                    if (connack[3] == 0x03) {
                        shed++;
                    } else if (connack[3] == 0x04) {
                        refused++; // checked: bad password
                    }
                }
                // 16 CONNECTs within milliseconds, each check about a second, room for 3: some must be
                // shed (how many depends on how fast this machine derives keys); unbounded, none would be
                assertTrue(shed >= 1, shed + " of 16 shed with 2 checking and 1 waiting");
                assertEquals(16, shed + refused);
                assertEquals(shed, receiver.metrics().get(Counter.AUTHENTICATIONS_SHED));
            } finally {
                for (RawMqtt c : clients) {
                    c.close();
                }
            }
        }
    }
}
