package org.anpr.central.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void quantilesAreBucketUpperBoundsAndIntervalsSubtract() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < 98; i++) {
            h.recordNanos(3_000_000); // 3 ms -> bucket < 4.096 ms
        }
        h.recordNanos(100_000_000); // 100 ms -> < 131.072 ms
        h.recordNanos(500); // under 1 µs
        LatencyHistogram.Snapshot s = h.snapshot();
        assertEquals(100, s.total());
        assertEquals(4.096, s.quantileMillis(0.5));
        assertEquals(4.096, s.quantileMillis(0.98));
        assertEquals(131.072, s.quantileMillis(0.995));
        assertEquals(100_000, s.maxMicros());

        h.recordNanos(40_000_000); // 40 ms -> < 65.536 ms
        LatencyHistogram.Snapshot later = h.snapshot().since(s);
        assertEquals(1, later.total());
        assertEquals(65.536, later.quantileMillis(0.99));
        assertEquals(0, new LatencyHistogram().snapshot().quantileMillis(0.99));
    }
}
