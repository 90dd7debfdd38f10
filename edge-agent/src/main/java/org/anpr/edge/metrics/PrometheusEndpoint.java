package org.anpr.edge.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.anpr.edge.config.MetricsSettings;
import org.anpr.edge.pipeline.CameraRig;
import org.anpr.edge.pipeline.EdgeAgent;

/**
 * The agent's counters and gauges in the Prometheus text format on {@code GET /metrics}
 * (Prometheus Java client and its HTTP exporter), read at scrape time from what the
 * agent already counts for its status heartbeat. Names: {@code anpr_agent_<name>_total} for
 * counters, {@code anpr_agent_<name>} for gauges; every series carries no label but the
 * {@code gantry} id, so one Prometheus can scrape a fleet.
 */
public final class PrometheusEndpoint implements AutoCloseable {
    private final HTTPServer server;

    private PrometheusEndpoint(HTTPServer server) {
        this.server = server;
    }

    /** Everything the agent exports; {@code rig} may be null (no cameras in this process). */
    public static PrometheusRegistry registry(EdgeAgent agent, CameraRig rig) {
        PrometheusRegistry r = new PrometheusRegistry();
        String gantry = agent.config().gantryId();
        AgentMetrics m = agent.metrics();
        counter(r, gantry, "reads", "plate reads recognised", m.readsIn);
        counter(r, gantry, "alerts", "hotlist alerts raised", m.alerts);
        counter(r, gantry, "passages", "section entry passages sent", m.passages);
        counter(r, gantry, "violations", "section violations sealed", m.violations);
        counter(r, gantry, "reads_lost", "reads that could not be stored (full or failing disk)", m.readsLost);
        counter(r, gantry, "alerts_not_stored", "alerts raised but not stored", m.alertsNotStored);
        counter(r, gantry, "alerts_below_confidence", "hotlist matches read under hotlist.alertMinConfidence: no alert",
                m.alertsBelowConfidence);
        counter(r, gantry, "hotlist_deltas_rejected", "hotlist updates refused", m.deltasRejected);
        counter(r, gantry, "configs_rejected", "configuration pushes refused", m.configsRejected);
        counter(r, gantry, "section_expired", "entry passages expired unmatched", m.sectionExpired);
        counter(r, gantry, "mqtt_published", "messages handed to MQTT", () -> agent.reporter().published());
        counter(r, gantry, "mqtt_acknowledged", "messages the centre acknowledged", () -> agent.reporter().acknowledged());
        counter(r, gantry, "mqtt_connects", "successful connections to the centre", () -> agent.reporter().connects());
        counter(r, gantry, "downstream_failed", "downstream messages whose handler failed", () -> agent.reporter().failedDownstream());
        counter(r, gantry, "downstream_rejected", "downstream messages that did not decode", () -> agent.reporter().rejectedDownstream());
        counter(r, gantry, "section_foreign_passages", "passages refused: not from the section's entry",
                () -> agent.sections().foreignPassages());
        gauge(r, gantry, "mqtt_connected", "1 while connected to the centre", () -> agent.reporter().isConnected() ? 1 : 0);
        gauge(r, gantry, "outbox_items", "messages waiting for the centre's acknowledgement", () -> agent.outbox().stats().items());
        gauge(r, gantry, "outbox_bytes", "bytes waiting for the centre's acknowledgement", () -> agent.outbox().stats().bytes());
        gauge(r, gantry, "hotlist_version", "the local hotlist's version", () -> agent.hotlist().version());
        gauge(r, gantry, "hotlist_entries", "entries on the local hotlist", () -> agent.hotlist().size());
        gauge(r, gantry, "storage_failing", "1 while reads cannot be stored (disk:FULL)", () -> agent.storageFailing() ? 1 : 0);
        gauge(r, gantry, "uptime_seconds", "seconds since the agent started", m::uptimeSeconds);
        if (rig != null) {
            counter(r, gantry, "frames", "frames captured", rig::framesIn);
            counter(r, gantry, "frames_dropped", "frames dropped before recognition", rig::framesDropped);
            gauge(r, gantry, "clock_error_seconds", "the clock's error bound", () -> rig.clockErrorMicros() / 1e6);
        }
        return r;
    }

    private static void counter(PrometheusRegistry r, String gantry, String name, String help, AtomicLong v) {
        counter(r, gantry, name, help, v::get);
    }

    private static void counter(PrometheusRegistry r, String gantry, String name, String help, DoubleSupplier v) {
        CounterWithCallback.builder().name("anpr_agent_" + name).help(help).labelNames("gantry")
                .callback(cb -> cb.call(v.getAsDouble(), gantry)).register(r);
    }

    private static void gauge(PrometheusRegistry r, String gantry, String name, String help, DoubleSupplier v) {
        GaugeWithCallback.builder().name("anpr_agent_" + name).help(help).labelNames("gantry")
                .callback(cb -> cb.call(v.getAsDouble(), gantry)).register(r);
    }

    /** Serves {@code registry}; call only when {@code settings.enabled()}. */
    public static PrometheusEndpoint start(MetricsSettings settings, PrometheusRegistry registry) throws IOException {
        try {
            return new PrometheusEndpoint(HTTPServer.builder().hostname(settings.host()).port(settings.port()).registry(registry).buildAndStart());
        } catch (IOException | RuntimeException e) {
            throw new IOException("metrics: cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage() + ")", e);
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
