package org.anpr.bench.api;

import java.util.Arrays;

/** Latencies of one kind of operation (nanoseconds), exact nearest-rank percentiles; thread safe. */
final class Latencies {
    private long[] values = new long[1024];
    private int n;
    private long hits;
    private long errors;

    synchronized void add(long nanos, int resultCount) {
        if (n == values.length) {
            values = Arrays.copyOf(values, n * 2);
        }
        values[n++] = nanos;
        hits += resultCount;
    }

    synchronized void error() {
        errors++;
    }

    synchronized int count() {
        return n;
    }

    synchronized long errors() {
        return errors;
    }

    /** Mean results per operation (hits of a search, sightings of a trajectory). */
    synchronized double meanResults() {
        return n == 0 ? 0 : (double) hits / n;
    }

    /** The {@code p}-th percentile (0 < p <= 100) in milliseconds; NaN without samples. */
    synchronized double millis(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
    }

    String describe() {
        return String.format("n=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f ms", count(), millis(50), millis(95), millis(99), millis(100));
    }
}
