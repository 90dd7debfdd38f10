package org.anpr.edge.frames.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Lock-free fixed-bucket latency histogram: buckets grow by 2^(1/4) (≈19 %) from 1 µs to about
 * 70 minutes, so a percentile is reported as its bucket's upper bound, at most 19 % high.
 * {@link #record} is a few atomic increments; safe from any number of threads.
 */
public final class LatencyRecorder {
    private static final int SUB = 4; // buckets per doubling
    private static final int BUCKETS = 32 * SUB + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sumNanos = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();

    /** Adds one observation; negative values count as 0. */
    public void record(long nanos) {
        long n = Math.max(0, nanos);
        counts.incrementAndGet(bucket(n));
        total.incrementAndGet();
        sumNanos.addAndGet(n);
        maxNanos.accumulateAndGet(n, Math::max);
    }

    static int bucket(long nanos) {
        double micros = nanos / 1000.0;
        if (micros <= 1) {
            return 0;
        }
        int b = (int) Math.ceil(Math.log(micros) / Math.log(2) * SUB);
        return Math.min(BUCKETS - 1, b);
    }

    static double upperMillis(int bucket) {
        return Math.pow(2, (double) bucket / SUB) / 1000.0;
    }

    /** A consistent-enough view (counters are read one after the other while others record). */
    public LatencySnapshot snapshot() {
        long[] c = new long[BUCKETS];
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            c[i] = counts.get(i);
            n += c[i];
        }
        double max = maxNanos.get() / 1e6;
        if (n == 0) {
            return new LatencySnapshot(0, 0, 0, 0, 0, 0);
        }
        return new LatencySnapshot(n, sumNanos.get() / 1e6 / Math.max(1, total.get()),
                Math.min(max, percentile(c, n, 0.50)), Math.min(max, percentile(c, n, 0.90)),
                Math.min(max, percentile(c, n, 0.99)), max);
    }

    private static double percentile(long[] c, long n, double q) {
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < c.length; i++) {
            seen += c[i];
            if (seen >= rank) {
                return upperMillis(i);
            }
        }
        return upperMillis(c.length - 1);
    }
}
