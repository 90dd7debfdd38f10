package org.anpr.edge.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import org.anpr.edge.report.MqttSettings;

/** The {@code mqtt:} section of the gantry file. */
final class MqttConfigReader {
    /**
     * What is wrong with the host and port of a {@code tcp://} or {@code ssl://} URI, or null. Checked
     * here: Paho would accept {@code tcp://host:notaport} and then fail every 1.5 s with a stack trace.
     */
    static String hostAndPortProblem(String uri) {
        java.net.URI parsed;
        try {
            parsed = new java.net.URI(uri);
        } catch (java.net.URISyntaxException e) {
            return "not a URI (" + e.getReason() + ")";
        }
        String authority = parsed.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return "needs a host name or address (tcp://host:port)";
        }
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            String port = authority.substring(colon + 1);
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
                return "the port must be a number 1..65535, not '" + port + "'";
            }
        }
        if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
            return "needs a host name or address (tcp://host:port)";
        }
        String path = parsed.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            return "takes no path after host:port";
        }
        return null;
    }

    private MqttConfigReader() {
    }

    static MqttSettings read(NodeReader r, JsonNode m, String gantryId) {
        String p = "mqtt";
        r.onlyKnown(m, p, Set.of("serverUri", "clientId", "username", "password", "tls", "keepAliveSeconds", "connectTimeoutSeconds",
                "maxInflight", "heartbeatSeconds", "reconnectMinMillis", "reconnectMaxMillis", "maxReadsPerMessage"));
        String uri = r.string(m, p, "serverUri", null, true);
        if (uri != null && !uri.startsWith("tcp://") && !uri.startsWith("ssl://")) {
            r.error(p + ".serverUri", "must start with tcp:// or ssl://, was '" + uri + "'");
        } else if (uri != null) {
            String problem = hostAndPortProblem(uri);
            if (problem != null) {
                r.error(p + ".serverUri", problem + ", was '" + uri + "'");
            }
        }
        String clientId = r.string(m, p, "clientId", gantryId, false);
        String user = r.string(m, p, "username", null, false);
        String password = r.string(m, p, "password", null, false);
        if (user == null && password != null) {
            r.error(p + ".password", "given without mqtt.username");
        }
        MqttSettings.TlsSettings tls = null;
        if (m.has("tls")) {
            JsonNode t = r.object(m, p, "tls", false);
            String tp = p + ".tls";
            r.onlyKnown(t, tp, Set.of("keyStore", "keyStorePassword", "trustStore", "trustStorePassword"));
            tls = new MqttSettings.TlsSettings(file(r, t, tp, "keyStore"), r.string(t, tp, "keyStorePassword", null, false),
                    file(r, t, tp, "trustStore"), r.string(t, tp, "trustStorePassword", null, false));
        }
        if (uri != null && uri.startsWith("ssl://") && tls == null) {
            r.error(p + ".tls", "required for an ssl:// server (at least trustStore, or keyStore for a client certificate)");
        }
        int keepAlive = (int) r.integer(m, p, "keepAliveSeconds", MqttSettings.DEFAULT_KEEP_ALIVE, 5, 3600);
        int connectTimeout = (int) r.integer(m, p, "connectTimeoutSeconds", MqttSettings.DEFAULT_CONNECT_TIMEOUT, 1, 300);
        int inflight = (int) r.integer(m, p, "maxInflight", MqttSettings.DEFAULT_MAX_INFLIGHT, 1, 65_535);
        int heartbeat = (int) r.integer(m, p, "heartbeatSeconds", MqttSettings.DEFAULT_HEARTBEAT, 1, 3600);
        long min = r.integer(m, p, "reconnectMinMillis", MqttSettings.DEFAULT_RECONNECT_MIN, 10, 600_000);
        long max = r.integer(m, p, "reconnectMaxMillis", MqttSettings.DEFAULT_RECONNECT_MAX, 10, 3_600_000);
        if (max < min) {
            r.error(p + ".reconnectMaxMillis", "must be >= reconnectMinMillis (" + min + "), was " + max);
        }
        int readsPerMessage = (int) r.integer(m, p, "maxReadsPerMessage", MqttSettings.DEFAULT_MAX_READS_PER_MESSAGE, 1, 500);
        return new MqttSettings(uri, clientId, user, password, tls, keepAlive, connectTimeout, inflight, heartbeat, min, Math.max(min, max),
                readsPerMessage);
    }

    private static Path file(NodeReader r, JsonNode t, String path, String name) {
        String v = r.string(t, path, name, null, false);
        if (v == null) {
            return null;
        }
        Path file = Path.of(v);
        if (!java.nio.file.Files.isReadable(file)) {
            r.error(path + "." + name, "file '" + v + "' is not readable");
        }
        return file;
    }
}
