package org.anpr.central.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The operators' HTTP API (JSON under {@code /api/v1}), served by the receiver beside MQTT.
 *
 * @param enabled               serve the API (default true)
 * @param host                  address to bind (default {@code 0.0.0.0})
 * @param port                  TCP port; 0 picks a free one (default 8080)
 * @param tls                   serve HTTPS with the key store of the {@code tls} section (default false)
 * @param maxBodyBytes          largest JSON request body (default 64 KiB); larger gets 413
 * @param maxUploadBytes        largest CSV upload (default 16 MiB); larger gets 413
 * @param idleTimeout           a connection with no traffic for this long is closed (default 60s)
 * @param requestTimeout        time a client has to send a whole request (default 15s; slow clients get 408)
 * @param maxConnections        open HTTP connections at once; more are refused (default 1,000)
 * @param workerThreads         threads that run searches and changes, off the event loops (default 4)
 * @param queuedRequests        requests waiting for a worker; more get 503 (default 200)
 * @param workerNice            nice value of those threads (Linux; 0 = normal, 19 = lowest; default 10): searches
 *                              get the CPU that MQTT ingest leaves over, so that they cannot delay PUBACKs
 * @param sessionIdle           an operator's session ends after this long without a request (default 30m)
 * @param sessionMaxAge         and at the latest this long after login (default 12h)
 * @param maxSessions           live sessions at once; the oldest is ended beyond it (default 10,000)
 * @param gantriesFile          optional YAML file with each gantry's position and name, for trajectories
 *                              and the fleet map until provisioning supplies them (default none)
 */
public record HttpConfig(boolean enabled, String host, int port, boolean tls, int maxBodyBytes, int maxUploadBytes,
                         Duration idleTimeout, Duration requestTimeout, int maxConnections, int workerThreads,
                         int queuedRequests, int workerNice, Duration sessionIdle, Duration sessionMaxAge, int maxSessions,
                         Path gantriesFile) {
    public static final HttpConfig DEFAULTS = new HttpConfig(true, "0.0.0.0", 8080, false, 64 << 10, 16 << 20,
            Duration.ofSeconds(60), Duration.ofSeconds(15), 1_000, 4, 200, 10, Duration.ofMinutes(30), Duration.ofHours(12),
            10_000, null);

    public HttpConfig withListen(String newHost, int newPort) {
        return new HttpConfig(enabled, newHost, newPort, tls, maxBodyBytes, maxUploadBytes, idleTimeout, requestTimeout,
                maxConnections, workerThreads, queuedRequests, workerNice, sessionIdle, sessionMaxAge, maxSessions, gantriesFile);
    }

    public HttpConfig withTls(boolean https) {
        return new HttpConfig(enabled, host, port, https, maxBodyBytes, maxUploadBytes, idleTimeout, requestTimeout,
                maxConnections, workerThreads, queuedRequests, workerNice, sessionIdle, sessionMaxAge, maxSessions, gantriesFile);
    }

    public HttpConfig withEnabled(boolean on) {
        return new HttpConfig(on, host, port, tls, maxBodyBytes, maxUploadBytes, idleTimeout, requestTimeout,
                maxConnections, workerThreads, queuedRequests, workerNice, sessionIdle, sessionMaxAge, maxSessions, gantriesFile);
    }

    public HttpConfig withSessions(Duration idle, Duration maxAge) {
        return new HttpConfig(enabled, host, port, tls, maxBodyBytes, maxUploadBytes, idleTimeout, requestTimeout,
                maxConnections, workerThreads, queuedRequests, workerNice, idle, maxAge, maxSessions, gantriesFile);
    }

    public HttpConfig withGantriesFile(Path file) {
        return new HttpConfig(enabled, host, port, tls, maxBodyBytes, maxUploadBytes, idleTimeout, requestTimeout,
                maxConnections, workerThreads, queuedRequests, workerNice, sessionIdle, sessionMaxAge, maxSessions, file);
    }
}
