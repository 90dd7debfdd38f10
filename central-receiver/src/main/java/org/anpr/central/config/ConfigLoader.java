package org.anpr.central.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a YAML file over the embedded defaults: every key is optional, unknown keys are errors,
 * and every problem is reported with its field path ({@code store.highWaterMark: ...}).
 *
 * <p>Hand-rolled over a JSON tree rather than data-binding so that a missing key means "default"
 * and a wrong one gets a message naming it.
 */
public final class ConfigLoader {
    private final List<String> problems = new ArrayList<>();

    private ConfigLoader() {
    }

    public static ReceiverConfig load(Path file) throws ConfigException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory())
                    // a key given twice is an error (Jackson names the key and the line of the second), not the last value
                    .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": " + e.getMessage()));
        }
        ConfigLoader loader = new ConfigLoader();
        ReceiverConfig config = loader.read(root == null || root.isMissingNode() ? null : root);
        loader.throwIfProblems();
        return validate(config);
    }

    /** Checks a configuration built in code; returns it unchanged when valid. */
    public static ReceiverConfig validate(ReceiverConfig c) throws ConfigException {
        ConfigLoader v = new ConfigLoader();
        MqttConfig m = c.mqtt();
        v.range("mqtt.port", m.port(), 0, 65_535);
        v.range("mqtt.maxMessageBytes", m.maxMessageBytes(), 1_024, 256 << 20);
        v.range("mqtt.maxClientIdLength", m.maxClientIdLength(), 23, 65_535);
        v.range("mqtt.maxInflightPerClient", m.maxInflightPerClient(), 1, 65_535);
        v.range("mqtt.maxKeepAliveSeconds", m.maxKeepAliveSeconds(), 1, 65_535);
        v.range("mqtt.connectTimeoutSeconds", m.connectTimeoutSeconds(), 1, 3_600);
        v.range("mqtt.maxPendingAuthentications", m.maxPendingAuthentications(), 1, 100_000);
        v.range("mqtt.maxConnections", m.maxConnections(), 1, 1_000_000);
        v.range("mqtt.maxConnectionsPerAddress", m.maxConnectionsPerAddress(), 1, 1_000_000);
        v.range("mqtt.deliveryTimeoutSeconds", m.deliveryTimeoutSeconds(), 1, 86_400);
        v.range("mqtt.maxQueuedPerSession", m.maxQueuedPerSession(), 1, 10_000_000);
        v.range("mqtt.maxConnectBytes", m.maxConnectBytes(), 256, Math.max(256, m.maxMessageBytes()));
        if (m.host() == null || m.host().isBlank()) {
            v.problems.add("mqtt.host: must not be empty");
        }
        TlsConfig t = c.tls();
        if (t.enabled()) {
            v.range("tls.port", t.port(), 0, 65_535);
            if (t.keyStore() == null) {
                v.problems.add("tls.keyStore: must be set when tls.enabled is true");
            }
            if (!Set.of("none", "optional", "require").contains(t.clientAuth())) {
                v.problems.add("tls.clientAuth: must be none, optional or require, was '" + t.clientAuth() + "'");
            } else if (!t.clientAuth().equals("none") && t.trustStore() == null) {
                v.problems.add("tls.trustStore: must be set when tls.clientAuth is " + t.clientAuth());
            }
            if (t.crlFile() != null && t.clientAuth().equals("none")) {
                v.problems.add("tls.crlFile: revokes client certificates, but tls.clientAuth is none");
            }
        } else if (!t.plaintext()) {
            v.problems.add("tls.plaintext: false would leave no listener while tls.enabled is false");
        }
        if (c.auth().credentialsFile() == null) {
            v.problems.add("auth.credentialsFile: must be set");
        }
        StoreConfig s = c.store();
        if (s.type() == StoreConfig.Type.SQLITE && s.directory() == null) {
            v.problems.add("store.directory: must be set");
        }
        if (s.type() == StoreConfig.Type.POSTGRESQL
                && (s.postgresql().url() == null || !s.postgresql().url().startsWith("jdbc:postgresql:"))) {
            v.problems.add("store.postgresql.url: must be a jdbc:postgresql: URL, was '" + s.postgresql().url() + "'");
        }
        v.range("store.maxBatch", s.maxBatch(), 1, 100_000);
        v.range("store.highWaterMark", s.highWaterMark(), 1, 10_000_000);
        v.range("store.lowWaterMark", s.lowWaterMark(), 0, 10_000_000);
        if (s.lowWaterMark() >= s.highWaterMark()) {
            v.problems.add("store.lowWaterMark: must be below store.highWaterMark (" + s.highWaterMark() + "), was " + s.lowWaterMark());
        }
        v.range("hotlist.deltaHistoryVersions", c.hotlist().deltaHistoryVersions(), 1, 1_000_000);
        v.range("hotlist.maxEntriesPerChunk", c.hotlist().maxEntriesPerChunk(), 1, 100_000);
        RetentionConfig r = c.retention();
        v.positive("auth.reloadInterval", c.auth().reloadInterval());
        v.positive("retention.reads", r.reads());
        v.positive("retention.alerts", r.alerts());
        v.positive("retention.violations", r.violations());
        v.positive("retention.rejected", r.rejected());
        v.positive("retention.interval", r.interval());
        v.range("retention.rejectedPerGantryPerDay", r.rejectedPerGantryPerDay(), 0, 10_000_000);
        v.range("retention.rejectedBytesPerGantryPerDay", r.rejectedBytesPerGantryPerDay(), 0, Integer.MAX_VALUE);
        HttpConfig h = c.http();
        if (h.enabled()) {
            v.range("http.port", h.port(), 0, 65_535);
            if (h.host() == null || h.host().isBlank()) {
                v.problems.add("http.host: must not be empty");
            }
            if (h.tls() && t.keyStore() == null) {
                v.problems.add("http.tls: needs tls.keyStore (the API serves the same certificate as MQTT)");
            }
            if (h.port() != 0 && h.port() == m.port() && t.plaintext()) {
                v.problems.add("http.port: " + h.port() + " is already mqtt.port");
            }
            v.range("http.maxBodyBytes", h.maxBodyBytes(), 1_024, 16 << 20);
            v.range("http.maxUploadBytes", h.maxUploadBytes(), 1_024, 1 << 30);
            v.positive("http.idleTimeout", h.idleTimeout());
            v.positive("http.requestTimeout", h.requestTimeout());
            v.range("http.maxConnections", h.maxConnections(), 1, 1_000_000);
            v.range("http.workerThreads", h.workerThreads(), 1, 256);
            v.range("http.queuedRequests", h.queuedRequests(), 1, 1_000_000);
            v.range("http.workerNice", h.workerNice(), 0, 19);
            v.positive("http.sessionIdle", h.sessionIdle());
            v.positive("http.sessionMaxAge", h.sessionMaxAge());
            v.range("http.maxSessions", h.maxSessions(), 1, 10_000_000);
        }
        v.sections(c.sections());
        v.range("metrics.port", c.metrics().port(), 0, 65_535);
        v.throwIfProblems();
        return c;
    }

    private ReceiverConfig read(JsonNode root) {
        ReceiverConfig d = ReceiverConfig.DEFAULTS;
        if (root == null || root.isNull()) {
            return d;
        }
        known(root, "", Set.of("mqtt", "tls", "auth", "store", "hotlist", "retention", "http", "sections", "metrics"));
        JsonNode n = root.path("mqtt");
        known(n, "mqtt.", Set.of("host", "port", "maxMessageBytes", "maxClientIdLength", "maxInflightPerClient",
                "maxKeepAliveSeconds", "connectTimeoutSeconds", "maxPendingAuthentications", "maxConnections",
                "maxConnectionsPerAddress", "maxConnectBytes", "maxQueuedPerSession",
                "deliveryTimeoutSeconds"));
        MqttConfig dm = d.mqtt();
        MqttConfig mqtt = new MqttConfig(str(n, "mqtt.host", dm.host()), integer(n, "mqtt.port", dm.port()),
                integer(n, "mqtt.maxMessageBytes", dm.maxMessageBytes()), integer(n, "mqtt.maxClientIdLength", dm.maxClientIdLength()),
                integer(n, "mqtt.maxInflightPerClient", dm.maxInflightPerClient()),
                integer(n, "mqtt.maxKeepAliveSeconds", dm.maxKeepAliveSeconds()),
                integer(n, "mqtt.connectTimeoutSeconds", dm.connectTimeoutSeconds()),
                integer(n, "mqtt.maxPendingAuthentications", dm.maxPendingAuthentications()),
                integer(n, "mqtt.maxConnections", dm.maxConnections()),
                integer(n, "mqtt.maxConnectionsPerAddress", dm.maxConnectionsPerAddress()),
                integer(n, "mqtt.maxConnectBytes", dm.maxConnectBytes()),
                integer(n, "mqtt.maxQueuedPerSession", dm.maxQueuedPerSession()),
                integer(n, "mqtt.deliveryTimeoutSeconds", dm.deliveryTimeoutSeconds()));
        n = root.path("tls");
        known(n, "tls.", Set.of("enabled", "port", "keyStore", "keyStorePassword", "trustStore", "trustStorePassword",
                "clientAuth", "plaintext", "crlFile"));
        TlsConfig dt = d.tls();
        TlsConfig tls = new TlsConfig(bool(n, "tls.enabled", dt.enabled()), integer(n, "tls.port", dt.port()),
                path(n, "tls.keyStore", dt.keyStore()), str(n, "tls.keyStorePassword", dt.keyStorePassword()),
                path(n, "tls.trustStore", dt.trustStore()), str(n, "tls.trustStorePassword", dt.trustStorePassword()),
                str(n, "tls.clientAuth", dt.clientAuth()), bool(n, "tls.plaintext", dt.plaintext()),
                path(n, "tls.crlFile", dt.crlFile()));
        n = root.path("auth");
        known(n, "auth.", Set.of("credentialsFile", "reloadInterval"));
        AuthConfig auth = new AuthConfig(path(n, "auth.credentialsFile", d.auth().credentialsFile()),
                duration(n, "auth.reloadInterval", d.auth().reloadInterval()));
        n = root.path("store");
        known(n, "store.", Set.of("type", "directory", "maxBatch", "highWaterMark", "lowWaterMark", "postgresql"));
        StoreConfig ds = d.store();
        JsonNode pg = n.path("postgresql");
        known(pg, "store.postgresql.", Set.of("url", "user", "password"));
        StoreConfig.PostgresConfig dpg = ds.postgresql();
        StoreConfig store = new StoreConfig(storeType(n, ds.type()), path(n, "store.directory", ds.directory()),
                integer(n, "store.maxBatch", ds.maxBatch()), integer(n, "store.highWaterMark", ds.highWaterMark()),
                integer(n, "store.lowWaterMark", ds.lowWaterMark()),
                new StoreConfig.PostgresConfig(str(pg, "store.postgresql.url", dpg.url()), str(pg, "store.postgresql.user", dpg.user()),
                        str(pg, "store.postgresql.password", dpg.password())));
        n = root.path("hotlist");
        known(n, "hotlist.", Set.of("deltaHistoryVersions", "maxEntriesPerChunk"));
        HotlistConfig hotlist = new HotlistConfig(integer(n, "hotlist.deltaHistoryVersions", d.hotlist().deltaHistoryVersions()),
                integer(n, "hotlist.maxEntriesPerChunk", d.hotlist().maxEntriesPerChunk()));
        n = root.path("retention");
        known(n, "retention.", Set.of("reads", "alerts", "violations", "rejected", "interval", "rejectedPerGantryPerDay",
                "rejectedBytesPerGantryPerDay"));
        RetentionConfig dr = d.retention();
        RetentionConfig retention = new RetentionConfig(duration(n, "retention.reads", dr.reads()),
                duration(n, "retention.alerts", dr.alerts()), duration(n, "retention.violations", dr.violations()),
                duration(n, "retention.rejected", dr.rejected()), duration(n, "retention.interval", dr.interval()),
                integer(n, "retention.rejectedPerGantryPerDay", dr.rejectedPerGantryPerDay()),
                integer(n, "retention.rejectedBytesPerGantryPerDay", dr.rejectedBytesPerGantryPerDay()));
        return new ReceiverConfig(mqtt, tls, auth, store, hotlist, retention, http(root.path("http"), d.http()),
                sections(root.path("sections"), d.sections()), metrics(root.path("metrics"), d.metrics()));
    }

    private MetricsConfig metrics(JsonNode n, MetricsConfig d) {
        known(n, "metrics.", Set.of("enabled", "host", "port"));
        return new MetricsConfig(bool(n, "metrics.enabled", d.enabled()), str(n, "metrics.host", d.host()),
                integer(n, "metrics.port", d.port()));
    }

    private SectionsConfig sections(JsonNode n, SectionsConfig d) {
        known(n, "sections.", Set.of("routes", "maxHeldPerExit", "maxHold", "signingKeysFile", "requireSignatures"));
        List<SectionsConfig.Route> routes = new ArrayList<>();
        JsonNode list = n.path("routes");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            problems.add("sections.routes: must be a list of {id, entry, exit}");
        } else if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                String at = "sections.routes[" + i + "]";
                JsonNode r = list.get(i);
                known(r, at + ".", Set.of("id", "entry", "exit"));
                routes.add(new SectionsConfig.Route(str(r, at + ".id", null), str(r, at + ".entry", null), str(r, at + ".exit", null)));
            }
        }
        return new SectionsConfig(routes, integer(n, "sections.maxHeldPerExit", d.maxHeldPerExit()),
                duration(n, "sections.maxHold", d.maxHold()), path(n, "sections.signingKeysFile", d.signingKeysFile()),
                bool(n, "sections.requireSignatures", d.requireSignatures()));
    }

    private HttpConfig http(JsonNode n, HttpConfig d) {
        known(n, "http.", Set.of("enabled", "host", "port", "tls", "maxBodyBytes", "maxUploadBytes", "idleTimeout",
                "requestTimeout", "maxConnections", "workerThreads", "queuedRequests", "workerNice", "sessionIdle", "sessionMaxAge",
                "maxSessions", "gantriesFile"));
        return new HttpConfig(bool(n, "http.enabled", d.enabled()), str(n, "http.host", d.host()),
                integer(n, "http.port", d.port()), bool(n, "http.tls", d.tls()),
                integer(n, "http.maxBodyBytes", d.maxBodyBytes()), integer(n, "http.maxUploadBytes", d.maxUploadBytes()),
                duration(n, "http.idleTimeout", d.idleTimeout()), duration(n, "http.requestTimeout", d.requestTimeout()),
                integer(n, "http.maxConnections", d.maxConnections()), integer(n, "http.workerThreads", d.workerThreads()),
                integer(n, "http.queuedRequests", d.queuedRequests()),
                integer(n, "http.workerNice", d.workerNice()), duration(n, "http.sessionIdle", d.sessionIdle()),
                duration(n, "http.sessionMaxAge", d.sessionMaxAge()), integer(n, "http.maxSessions", d.maxSessions()),
                path(n, "http.gantriesFile", d.gantriesFile()));
    }

    private void sections(SectionsConfig s) {
        range("sections.maxHeldPerExit", s.maxHeldPerExit(), 1, 100_000_000);
        positive("sections.maxHold", s.maxHold());
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < s.routes().size(); i++) {
            SectionsConfig.Route r = s.routes().get(i);
            String at = "sections.routes[" + i + "]";
            for (String[] f : new String[][] {{"id", r.id()}, {"entry", r.entry()}, {"exit", r.exit()}}) {
                if (f[1] == null || f[1].isBlank()) {
                    problems.add(at + "." + f[0] + ": required");
                }
            }
            if (r.id() != null && !ids.add(r.id())) {
                problems.add(at + ".id: section '" + r.id() + "' is configured twice");
            }
            if (r.entry() != null && r.entry().equals(r.exit())) {
                problems.add(at + ": entry and exit are the same gantry '" + r.entry() + "'");
            }
        }
    }

    private void known(JsonNode node, String prefix, Set<String> keys) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            problems.add((prefix.isEmpty() ? "(top level)" : prefix.substring(0, prefix.length() - 1)) + ": must be a mapping");
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!keys.contains(key)) {
                problems.add(prefix + key + ": unknown setting (known: " + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    private int integer(JsonNode parent, String field, int fallback) {
        JsonNode v = parent.path(leaf(field));
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            problems.add(field + ": must be a whole number, was '" + v.asText() + "'");
            return fallback;
        }
        return v.intValue();
    }

    private StoreConfig.Type storeType(JsonNode parent, StoreConfig.Type fallback) {
        String s = str(parent, "store.type", null);
        if (s == null) {
            return fallback;
        }
        for (StoreConfig.Type t : StoreConfig.Type.values()) {
            if (t.name().equalsIgnoreCase(s)) {
                return t;
            }
        }
        problems.add("store.type: must be sqlite or postgresql, was '" + s + "'");
        return fallback;
    }

    private boolean bool(JsonNode parent, String field, boolean fallback) {
        JsonNode v = parent.path(leaf(field));
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problems.add(field + ": must be true or false, was '" + v.asText() + "'");
            return fallback;
        }
        return v.booleanValue();
    }

    private String str(JsonNode parent, String field, String fallback) {
        JsonNode v = parent.path(leaf(field));
        return v.isMissingNode() || v.isNull() ? fallback : v.asText();
    }

    private Path path(JsonNode parent, String field, Path fallback) {
        String s = str(parent, field, null);
        return s == null ? fallback : Path.of(s);
    }

    /** ISO-8601 ({@code P365D}, {@code PT1H}) or a number with a unit: {@code 12h}, {@code 30d}, {@code 90s}. */
    private Duration duration(JsonNode parent, String field, Duration fallback) {
        String s = str(parent, field, null);
        if (s == null) {
            return fallback;
        }
        try {
            if (s.matches("\\d+[smhd]")) {
                long n = Long.parseLong(s.substring(0, s.length() - 1));
                return switch (s.charAt(s.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(s);
        } catch (DateTimeParseException | ArithmeticException e) {
            problems.add(field + ": not a duration (e.g. 365d, 12h, PT30M), was '" + s + "'");
            return fallback;
        }
    }

    private static String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    private void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(field + ": must be " + min + ".." + max + ", was " + value);
        }
    }

    private void positive(String field, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            problems.add(field + ": must be a positive duration, was " + d);
        }
    }

    private void throwIfProblems() throws ConfigException {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
