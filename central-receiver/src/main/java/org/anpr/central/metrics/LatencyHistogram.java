package org.anpr.central.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free latency histogram with power-of-two microsecond buckets (1 µs .. ~34 s): cheap
 * enough for every publish, precise to a factor of two, which is what an operator needs to see
 * whether the store or the network is where the time goes. Percentiles report a bucket's upper bound.
 */
public final class LatencyHistogram {
    private static final int BUCKETS = 36;
    private final LongAdder[] counts = new LongAdder[BUCKETS];
    private final AtomicLong maxMicros = new AtomicLong();

    public LatencyHistogram() {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void recordNanos(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        int bucket = Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(micros)); // 0: <1 µs, k: < 2^k µs
        counts[bucket].increment();
        maxMicros.accumulateAndGet(micros, Math::max);
    }

    /** What was recorded so far. */
    public Snapshot snapshot() {
        long[] c = new long[BUCKETS];
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            c[i] = counts[i].sum();
            n += c[i];
        }
        return new Snapshot(c, n, maxMicros.get());
    }

    /** Counts at one moment; subtract two to get an interval. */
    public record Snapshot(long[] counts, long total, long maxMicros) {
        /** Upper bound in milliseconds of the bucket holding the {@code q} quantile (0..1); 0 when empty. */
        public double quantileMillis(double q) {
            long rank = (long) Math.ceil(q * total);
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank && seen > 0) {
                    return (1L << i) / 1000.0;
                }
            }
            return 0;
        }

        /** The interval since {@code earlier} (the max stays the overall max). */
        public Snapshot since(Snapshot earlier) {
            long[] d = new long[counts.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = counts[i] - earlier.counts[i];
            }
            return new Snapshot(d, total - earlier.total, maxMicros);
        }
    }
}
