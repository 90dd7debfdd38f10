package org.anpr.central.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.anpr.central.config.MetricsConfig;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.protocol.ProtocolException.Problem;

/**
 * The receiver's counters, gauges and latency histograms in the Prometheus text format on
 * {@code GET /metrics} (Prometheus Java client and its small HTTP exporter). Values are
 * read at scrape time from {@link ReceiverMetrics}; nothing is counted twice. Names:
 * {@code anpr_receiver_<counter>_total}, {@code anpr_receiver_rejected_payloads_by_problem_total{problem}},
 * {@code anpr_receiver_<gauge>}, and {@code anpr_receiver_{commit,durable,upkeep}_seconds} histograms.
 */
public final class PrometheusEndpoint implements AutoCloseable {
    private final HTTPServer server;

    private PrometheusEndpoint(HTTPServer server) {
        this.server = server;
    }

    /** The registry of everything the receiver exports; {@code gauges} by name (without the prefix) and help. */
    public static PrometheusRegistry registry(ReceiverMetrics m, Map<String, Gauge> gauges) {
        PrometheusRegistry r = new PrometheusRegistry();
        for (Counter c : Counter.values()) {
            CounterWithCallback.builder().name("anpr_receiver_" + c.name().toLowerCase(Locale.ROOT))
                    .help("receiver counter " + c.name()).callback(cb -> cb.call(m.get(c))).register(r);
        }
        CounterWithCallback.builder().name("anpr_receiver_rejected_payloads_by_problem").labelNames("problem")
                .help("payloads quarantined, by what was wrong with them").callback(cb -> {
                    for (Problem p : Problem.values()) {
                        cb.call(m.rejectedCount(p), p.name());
                    }
                }).register(r);
        gauges.forEach((name, g) -> GaugeWithCallback.builder().name("anpr_receiver_" + name).help(g.help())
                .callback(cb -> cb.call(g.value().getAsDouble())).register(r));
        histogram(r, "anpr_receiver_commit_seconds", "store commits, fsync included", m.commitTimes());
        histogram(r, "anpr_receiver_durable_seconds", "per publish, from the store writer's queue until durable", m.durableTimes());
        histogram(r, "anpr_receiver_upkeep_seconds", "store upkeep between commits", m.upkeepTimes());
        return r;
    }

    /** A gauge read at scrape time. */
    public record Gauge(String help, DoubleSupplier value) {
    }

    /** Our power-of-two microsecond buckets as a classic Prometheus histogram (no sum is kept: NaN). */
    private static void histogram(PrometheusRegistry r, String name, String help, LatencyHistogram h) {
        r.register(() -> {
            LatencyHistogram.Snapshot s = h.snapshot();
            long[] counts = s.counts();
            double[] bounds = new double[counts.length];
            for (int i = 0; i < counts.length; i++) {
                bounds[i] = i == counts.length - 1 ? Double.POSITIVE_INFINITY : (1L << i) / 1e6;
            }
            return HistogramSnapshot.builder().name(name).help(help)
                    .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                            .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts)).build())
                    .build();
        });
    }

    /** Serves {@code registry} as configured; call only when {@code config.enabled()}. */
    public static PrometheusEndpoint start(MetricsConfig config, PrometheusRegistry registry) throws IOException {
        try {
            return new PrometheusEndpoint(HTTPServer.builder().hostname(config.host()).port(config.port()).registry(registry).buildAndStart());
        } catch (IOException | RuntimeException e) {
            throw new IOException("metrics endpoint on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
