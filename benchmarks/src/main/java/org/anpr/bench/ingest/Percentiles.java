package org.anpr.bench.ingest;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles over every recorded latency (a sorted array: exact, and small enough here). */
public final class Percentiles {
    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Arrays.sort(all);
        return new Percentiles(all);
    }

    /** The {@code p}-th percentile (0 < p <= 100) in nanoseconds; 0 without samples. */
    public long at(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public String describe() {
        return String.format("n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", sorted.length, at(50) / 1e6, at(95) / 1e6,
                at(99) / 1e6, at(100) / 1e6);
    }
}
