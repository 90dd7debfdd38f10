package org.anpr.provision.device;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import org.anpr.provision.profile.ManagementEndpoint;

/**
 * Where a gantry's management endpoint is: {@code coaps://HOST[:PORT]} from {@code --device}, or
 * the profile's {@code management.host} and {@code port}. Only {@code coaps} (CoAP over DTLS):
 * the management channel carries keys and is never in the clear.
 */
public record DeviceAddress(String host, int port) {

    public DeviceAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with {@code uri} and what is allowed
     */
    public static DeviceAddress parse(String uri) {
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--device " + uri + ": not a URI (" + e.getReason()
                    + "); allowed: coaps://HOST[:PORT]");
        }
        if (!"coaps".equalsIgnoreCase(u.getScheme())) {
            throw new IllegalArgumentException("--device " + uri + ": scheme must be coaps:// (CoAP over DTLS; the"
                    + " management channel is never unencrypted), was " + (u.getScheme() == null ? "none" : u.getScheme() + "://"));
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("--device " + uri + ": no host; allowed: coaps://HOST[:PORT]");
        }
        if (u.getRawUserInfo() != null || (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/"))
                || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new IllegalArgumentException("--device " + uri + ": only a host and port are allowed: coaps://HOST[:PORT]");
        }
        String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
        try {
            return new DeviceAddress(host, u.getPort() == -1 ? ManagementEndpoint.DEFAULT_PORT : u.getPort());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--device " + uri + ": " + e.getMessage());
        }
    }

    /** The profile's endpoint, or null when the profile names no host. */
    public static DeviceAddress of(ManagementEndpoint m) {
        return m == null || m.host() == null ? null : new DeviceAddress(m.host(), m.port());
    }

    /** Resolves the host name. */
    public InetSocketAddress resolve() throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    @Override
    public String toString() {
        return "coaps://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
