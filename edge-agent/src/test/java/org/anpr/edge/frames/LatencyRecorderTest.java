package org.anpr.edge.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anpr.edge.frames.metrics.LatencyRecorder;
import org.anpr.edge.frames.metrics.LatencySnapshot;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesAreWithinOneBucketOfTheTruth() throws Exception {
        LatencyRecorder r = new LatencyRecorder();
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            ts[t] = new Thread(() -> {
                for (int i = 1; i <= 1000; i++) {
                    r.record(i * 100_000L); // 0.1 .. 100 ms
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        LatencySnapshot s = r.snapshot();
        assertEquals(4000, s.count());
        assertEquals(50.05, s.meanMillis(), 0.01);
        assertTrue(s.p50Millis() >= 50 && s.p50Millis() <= 50 * 1.19 + 0.01, "p50 " + s.p50Millis());
        assertTrue(s.p99Millis() >= 99 && s.p99Millis() <= 100, "p99 " + s.p99Millis());
        assertEquals(100, s.maxMillis(), 1e-9);
        assertEquals(0, new LatencyRecorder().snapshot().count());
    }
}
