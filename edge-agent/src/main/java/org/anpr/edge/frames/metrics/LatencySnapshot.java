package org.anpr.edge.frames.metrics;

/** Latency percentiles of one stage, milliseconds (bucket upper bounds, capped at the max seen). */
public record LatencySnapshot(long count, double meanMillis, double p50Millis, double p90Millis, double p99Millis,
                              double maxMillis) {
}
