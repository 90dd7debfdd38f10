package org.anpr.central.config;

/**
 * The Prometheus endpoint: {@code GET /metrics} in the Prometheus text format, for the monitoring
 * the operators already run. It carries counters and timings only, no plate, no secret.
 *
 * @param enabled serve it (default false)
 * @param host    address to bind (default {@code 127.0.0.1}: a scraper on the same host or through a
 *                proxy; bind a wider address only behind a firewall, the endpoint has no login)
 * @param port    its port; 0 picks a free one (default 9464)
 */
public record MetricsConfig(boolean enabled, String host, int port) {
    public static final MetricsConfig DEFAULTS = new MetricsConfig(false, "127.0.0.1", 9464);
}
