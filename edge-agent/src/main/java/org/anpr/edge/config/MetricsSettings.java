package org.anpr.edge.config;

/**
 * The agent's Prometheus endpoint ({@code metrics:} in gantry.yaml): {@code GET /metrics} in the
 * Prometheus text format, for the monitoring the operators run. Counters and gauges only: no
 * plate, no secret.
 *
 * @param enabled serve it (default false)
 * @param host    address to bind (default {@code 127.0.0.1}; the endpoint has no login, so bind a
 *                wider address only on a monitoring network)
 * @param port    TCP port (default 9465; 0 picks a free one)
 */
public record MetricsSettings(boolean enabled, String host, int port) {
    public static final MetricsSettings DEFAULTS = new MetricsSettings(false, "127.0.0.1", 9465);
}
