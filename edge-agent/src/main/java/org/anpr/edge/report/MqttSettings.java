package org.anpr.edge.report;

import java.nio.file.Path;

/**
 * How the agent reaches the broker.
 *
 * @param serverUri           {@code tcp://host:1883} or {@code ssl://host:8883} (required)
 * @param clientId            MQTT client id; default: the gantry id. Sessions are persistent
 *                            (clean session off), so the id must be stable across restarts
 * @param username            optional; with {@code password}
 * @param password            optional
 * @param tls                 client certificate and trust store for {@code ssl://}; null for none
 * @param keepAliveSeconds    default 30
 * @param connectTimeoutSeconds default 10
 * @param maxInflight         QoS 1 messages published but not yet acknowledged; a larger window
 *                            drains a backlog faster after an outage (default 64)
 * @param heartbeatSeconds    period of the retained status message (default 30)
 * @param reconnectMinMillis  first reconnect delay (default 500)
 * @param reconnectMaxMillis  cap of the exponential reconnect delay (default 8,000)
 * @param maxReadsPerMessage  queued reads sent together in one PlateReadBatch message (default 50,
 *                            1 = one read per message); a backlog after an outage drains in far
 *                            fewer round trips and commits at the centre
 */
public record MqttSettings(
        String serverUri,
        String clientId,
        String username,
        String password,
        TlsSettings tls,
        int keepAliveSeconds,
        int connectTimeoutSeconds,
        int maxInflight,
        int heartbeatSeconds,
        long reconnectMinMillis,
        long reconnectMaxMillis,
        int maxReadsPerMessage) {

    public static final int DEFAULT_KEEP_ALIVE = 30;
    public static final int DEFAULT_CONNECT_TIMEOUT = 10;
    public static final int DEFAULT_MAX_INFLIGHT = 64;
    public static final int DEFAULT_HEARTBEAT = 30;
    public static final long DEFAULT_RECONNECT_MIN = 500;
    /**
     * 8 s, not a minute: with equal jitter a gantry retries every 4-8 s through an outage, so it is
     * back within 8 s of the centre's return (measured: benchmarks/RESULTS.md, outage), while a fleet
     * of 1,000 still spreads its attempts over those seconds (~170 a second, each a refused TCP connect
     * while the centre is away; with machine secrets the centre verifies a returning fleet in under a second).
     */
    public static final long DEFAULT_RECONNECT_MAX = 8_000;
    public static final int DEFAULT_MAX_READS_PER_MESSAGE = 50;

    /** Defaults for everything but the server (and credentials). */
    public static MqttSettings of(String serverUri, String clientId, String username, String password) {
        return new MqttSettings(serverUri, clientId, username, password, null, DEFAULT_KEEP_ALIVE, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_MAX_INFLIGHT, DEFAULT_HEARTBEAT, DEFAULT_RECONNECT_MIN, DEFAULT_RECONNECT_MAX, DEFAULT_MAX_READS_PER_MESSAGE);
    }

    public MqttSettings withTiming(int heartbeatSeconds, long reconnectMinMillis, long reconnectMaxMillis) {
        return new MqttSettings(serverUri, clientId, username, password, tls, keepAliveSeconds, connectTimeoutSeconds,
                maxInflight, heartbeatSeconds, reconnectMinMillis, reconnectMaxMillis, maxReadsPerMessage);
    }

    public MqttSettings withMaxInflight(int inflight) {
        return new MqttSettings(serverUri, clientId, username, password, tls, keepAliveSeconds, connectTimeoutSeconds,
                inflight, heartbeatSeconds, reconnectMinMillis, reconnectMaxMillis, maxReadsPerMessage);
    }

    public MqttSettings withMaxReadsPerMessage(int reads) {
        return new MqttSettings(serverUri, clientId, username, password, tls, keepAliveSeconds, connectTimeoutSeconds,
                maxInflight, heartbeatSeconds, reconnectMinMillis, reconnectMaxMillis, reads);
    }

    /**
     * Client certificate (PKCS#12 key store) and the trust store (PKCS#12) of the broker's CA.
     *
     * @param keyStore           client certificate and key; null for server-authenticated TLS only
     * @param keyStorePassword   its password
     * @param trustStore         CA certificates; null for the JVM's default trust
     * @param trustStorePassword its password
     */
    public record TlsSettings(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {
    }
}
