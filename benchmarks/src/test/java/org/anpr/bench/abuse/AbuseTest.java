package org.anpr.bench.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.anpr.central.Receiver;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 14, in a short form for every test run: a real gantry keeps publishing while idle
 * connections, slow-drip and oversized CONNECTs, a bad-password flood and reconnect storms hit the
 * receiver. Nothing the gantry published is lost, it is never disconnected, and each defence is
 * seen acting. The latency figures come from the long run ({@code ./anpr bench abuse}) in
 * benchmarks/RESULTS.md, not from here.
 */
class AbuseTest {
    @TempDir
    Path dir;

    @Test
    void aGantryKeepsPublishingAndLosesNothingWhileTheReceiverIsAttacked() throws Exception {
        try (Receiver receiver = new Receiver(AbuseLoad.config(dir, 100, "secret", 0, 2))) {
            AbuseLoad.Result r = AbuseLoad.run(receiver, 15, 20, 300, 20, 2, 2, 100, 5);
            AbuseLoad.print(r);
            assertTrue(r.gantryStayedConnected(), "the measured gantry lost its connection");
            assertTrue(r.published() >= 200, r.published() + " reads published in 15 s at 20/s");
            assertEquals(0, r.lost(), "reads acknowledged but not stored");
            Attack idle = r.attacks().get(0);
            Attack drip = r.attacks().get(2);
            Attack badPassword = r.attacks().get(4);
            assertTrue(idle.closedByServer.get() > 0, "idle connections outlived the 2 s connect deadline");
            assertTrue(drip.closedByServer.get() > 0, "slow-drip CONNECTs outlived the connect deadline");
            assertTrue(receiver.metrics().get(Counter.OVERSIZE_PACKETS) > 0, "oversized CONNECTs were not refused from their header");
            assertTrue(badPassword.refusedWithConnack.get() > 0, "bad passwords were not refused");
            assertFalse(r.stormMillis().isEmpty(), "no reconnect storm ran");
            assertFalse(r.stormMillis().contains(-1L), "a reconnect storm did not get every gantry back: " + r.stormMillis());
        }
    }
}
