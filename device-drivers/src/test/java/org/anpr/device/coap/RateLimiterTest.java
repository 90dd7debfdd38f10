package org.anpr.device.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.anpr.device.coap.server.RateLimiter;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RateLimiter<String> limiter = new RateLimiter<>(3, 2.0, nanos::get);

    @Test
    void burstThenSustainedRatePerPeer() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("a"), "burst " + i);
        }
        assertFalse(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("b"), "another peer has its own bucket");
        assertEquals(1, limiter.secondsUntilToken("a"));

        nanos.addAndGet(500_000_000L); // 2/s => one token after 0.5 s
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));

        nanos.addAndGet(60_000_000_000L); // a long pause refills only up to the burst
        int granted = 0;
        while (limiter.tryAcquire("a")) {
            granted++;
        }
        assertEquals(3, granted);
    }
}
