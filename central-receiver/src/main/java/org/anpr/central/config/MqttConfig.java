package org.anpr.central.config;

/**
 * The MQTT endpoint.
 *
 * @param host                  address to bind (default {@code 0.0.0.0})
 * @param port                  TCP port; 0 picks a free one (default 1883)
 * @param maxMessageBytes       largest MQTT packet accepted; a larger one closes that connection
 *                              (default 4 MiB + 64 KiB: a maximal envelope plus topic and headers)
 * @param maxClientIdLength     longest client id accepted (default 64, the gantry-id limit)
 * @param maxInflightPerClient  un-acknowledged messages per connection, both directions: inbound
 *                              PUBLISHes awaiting commit before reading from that socket pauses,
 *                              and outbound QoS 1 messages awaiting the gantry's PUBACK (default 32)
 * @param maxKeepAliveSeconds   keep-alive used when a client asks for 0 or more than this
 *                              (default 300); idle connections are dropped after 1.5 x keep-alive
 * @param connectTimeoutSeconds deadline from the TCP connection to an accepted CONNECT (default 10)
 * @param maxPendingAuthentications CONNECTs waiting for a password check beyond the two being checked;
 *                              more are refused at once with CONNACK "server unavailable" (default 256),
 *                              so a flood of CONNECTs cannot queue without bound
 * @param maxConnections        open connections in all (default 10,000); more are closed on arrival
 * @param maxConnectionsPerAddress open connections from one IP address (default 1,000; gantries that
 *                              reach the centre through one NAT address all count against it: raise it there)
 * @param maxConnectBytes       largest CONNECT accepted, before authentication (default 16 KiB: ids,
 *                              password and a status will fit many times over); a connection that
 *                              announces a larger one is closed before it is buffered
 * @param maxQueuedPerSession   downstream messages queued for one gantry beyond its in-flight window
 *                              (default 10,000); more are refused and counted, and the sender keeps
 *                              them (held passages are offered again, a hotlist is synced again)
 * @param deliveryTimeoutSeconds how long a downstream message may wait for the gantry's PUBACK
 *                              (default 60); past it the connection is closed, so that a client that
 *                              never acknowledges cannot pin its in-flight window (a persistent
 *                              session gets the message again, flagged DUP, on reconnect)
 */
public record MqttConfig(String host, int port, int maxMessageBytes, int maxClientIdLength,
                         int maxInflightPerClient, int maxKeepAliveSeconds, int connectTimeoutSeconds,
                         int maxPendingAuthentications, int maxConnections, int maxConnectionsPerAddress, int maxConnectBytes,
                         int maxQueuedPerSession, int deliveryTimeoutSeconds) {
    public static final int DEFAULT_MAX_PENDING_AUTHENTICATIONS = 256;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 1_000;
    public static final int DEFAULT_MAX_CONNECT_BYTES = 16 << 10;
    public static final int DEFAULT_MAX_QUEUED_PER_SESSION = 10_000;
    public static final int DEFAULT_DELIVERY_TIMEOUT_SECONDS = 60;
    public static final MqttConfig DEFAULTS = new MqttConfig("0.0.0.0", 1883, (4 << 20) + (64 << 10), 64, 32, 300, 10,
            DEFAULT_MAX_PENDING_AUTHENTICATIONS, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, DEFAULT_MAX_CONNECT_BYTES,
                DEFAULT_MAX_QUEUED_PER_SESSION, DEFAULT_DELIVERY_TIMEOUT_SECONDS);

    /** With the defaults of the limits before authentication (pending checks, connection caps, CONNECT size). */
    public MqttConfig(String host, int port, int maxMessageBytes, int maxClientIdLength, int maxInflightPerClient,
                      int maxKeepAliveSeconds, int connectTimeoutSeconds) {
        this(host, port, maxMessageBytes, maxClientIdLength, maxInflightPerClient, maxKeepAliveSeconds, connectTimeoutSeconds,
                DEFAULT_MAX_PENDING_AUTHENTICATIONS, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, DEFAULT_MAX_CONNECT_BYTES,
                DEFAULT_MAX_QUEUED_PER_SESSION, DEFAULT_DELIVERY_TIMEOUT_SECONDS);
    }

    public MqttConfig withConnectionCaps(int total, int perAddress) {
        return new MqttConfig(host, port, maxMessageBytes, maxClientIdLength, maxInflightPerClient, maxKeepAliveSeconds,
                connectTimeoutSeconds, maxPendingAuthentications, total, perAddress, maxConnectBytes, maxQueuedPerSession, deliveryTimeoutSeconds);
    }

    public MqttConfig withMaxPendingAuthentications(int n) {
        return new MqttConfig(host, port, maxMessageBytes, maxClientIdLength, maxInflightPerClient, maxKeepAliveSeconds,
                connectTimeoutSeconds, n, maxConnections, maxConnectionsPerAddress, maxConnectBytes, maxQueuedPerSession, deliveryTimeoutSeconds);
    }

    public MqttConfig withMaxConnectBytes(int bytes) {
        return new MqttConfig(host, port, maxMessageBytes, maxClientIdLength, maxInflightPerClient, maxKeepAliveSeconds,
                connectTimeoutSeconds, maxPendingAuthentications, maxConnections, maxConnectionsPerAddress, bytes, maxQueuedPerSession, deliveryTimeoutSeconds);
    }

    public MqttConfig withMaxQueuedPerSession(int n) {
        return new MqttConfig(host, port, maxMessageBytes, maxClientIdLength, maxInflightPerClient, maxKeepAliveSeconds,
                connectTimeoutSeconds, maxPendingAuthentications, maxConnections, maxConnectionsPerAddress, maxConnectBytes, n, deliveryTimeoutSeconds);
    }

    public MqttConfig withDeliveryTimeoutSeconds(int seconds) {
        return new MqttConfig(host, port, maxMessageBytes, maxClientIdLength, maxInflightPerClient, maxKeepAliveSeconds,
                connectTimeoutSeconds, maxPendingAuthentications, maxConnections, maxConnectionsPerAddress, maxConnectBytes,
                maxQueuedPerSession, seconds);
    }

    public MqttConfig withPort(int newPort) {
        return new MqttConfig(host, newPort, maxMessageBytes, maxClientIdLength, maxInflightPerClient, maxKeepAliveSeconds, connectTimeoutSeconds,
                maxPendingAuthentications, maxConnections, maxConnectionsPerAddress, maxConnectBytes, maxQueuedPerSession, deliveryTimeoutSeconds);
    }

    public MqttConfig withMaxMessageBytes(int bytes) {
        return new MqttConfig(host, port, bytes, maxClientIdLength, maxInflightPerClient, maxKeepAliveSeconds, connectTimeoutSeconds,
                maxPendingAuthentications, maxConnections, maxConnectionsPerAddress, maxConnectBytes, maxQueuedPerSession, deliveryTimeoutSeconds);
    }

    public MqttConfig withMaxKeepAliveSeconds(int seconds) {
        return new MqttConfig(host, port, maxMessageBytes, maxClientIdLength, maxInflightPerClient, seconds, connectTimeoutSeconds,
                maxPendingAuthentications, maxConnections, maxConnectionsPerAddress, maxConnectBytes, maxQueuedPerSession, deliveryTimeoutSeconds);
    }
}
