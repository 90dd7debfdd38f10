package org.anpr.device.coap.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the CoAP management server.
 *
 * @param bind                 where to listen (default: all interfaces, port 5684 = coaps)
 * @param maxConfigBytes       PUT /config larger than this gets 4.13 (default 64 KiB)
 * @param rateBurst            token-bucket size per peer: requests allowed back to back (default 20)
 * @param ratePerSecond        sustained requests per second per peer (default 5)
 * @param statusNotifyInterval /status observers are notified at least this often (default 10 s)
 */
public record ManagementServerConfig(InetSocketAddress bind, int maxConfigBytes, int rateBurst,
                                     double ratePerSecond, Duration statusNotifyInterval) {

    public static final int COAPS_PORT = 5684;

    public ManagementServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(statusNotifyInterval, "statusNotifyInterval");
        if (maxConfigBytes < 1 || maxConfigBytes > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("maxConfigBytes must be in [1, 4 MiB], was " + maxConfigBytes);
        }
        if (rateBurst < 1) {
            throw new IllegalArgumentException("rateBurst must be >= 1, was " + rateBurst);
        }
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("ratePerSecond must be > 0, was " + ratePerSecond);
        }
        if (statusNotifyInterval.toMillis() < 10) {
            throw new IllegalArgumentException("statusNotifyInterval must be >= 10 ms, was " + statusNotifyInterval);
        }
    }

    public static ManagementServerConfig defaults() {
        return new ManagementServerConfig(new InetSocketAddress(COAPS_PORT), 64 * 1024, 20, 5.0,
                Duration.ofSeconds(10));
    }

    public ManagementServerConfig withBind(InetSocketAddress address) {
        return new ManagementServerConfig(address, maxConfigBytes, rateBurst, ratePerSecond, statusNotifyInterval);
    }

    public ManagementServerConfig withMaxConfigBytes(int bytes) {
        return new ManagementServerConfig(bind, bytes, rateBurst, ratePerSecond, statusNotifyInterval);
    }

    public ManagementServerConfig withRate(int burst, double perSecond) {
        return new ManagementServerConfig(bind, maxConfigBytes, burst, perSecond, statusNotifyInterval);
    }

    public ManagementServerConfig withStatusNotifyInterval(Duration interval) {
        return new ManagementServerConfig(bind, maxConfigBytes, rateBurst, ratePerSecond, interval);
    }
}
