package org.anpr.edge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.anpr.device.coap.dtls.PskCredential;
import org.anpr.edge.capture.Pacing;
import org.anpr.edge.outbox.OutboxLimits;
import org.anpr.edge.report.MqttSettings;
import org.anpr.edge.section.MarginRule;
import org.anpr.edge.section.SectionDefinition;
import org.anpr.edge.section.SectionSettings;
import org.anpr.ocr.PlateReaderKind;
import org.anpr.ocr.Region;
import org.anpr.protocol.topic.GantryId;

/**
 * Loads and validates a gantry's YAML file; an invalid file yields a {@link ConfigException}
 * listing every problem. Keys and defaults:
 *
 * <pre>
 * gantry:   { id: A2-N-km40 }                      # required
 * storage:  { dir: ./data }                        # default folder of the three SQLite files
 * cameras:  [ { id: cam-1, lane: 1, source: rtsp://..., replay: realtime } ]   # kinds of source: FrameSources; replay: realtime | fast
 * recognition: { region: eu, workers: {cores}, readers: neural, neuralModel: (the jar's) }   # region eu | br | us
 * alertOutput: { bcmPin: 17, pulseMillis: 2000, maxPriority: 9 }   # optional: GPIO pulsed on a hotlist alert
 * management: { bind: 0.0.0.0, port: 5684, psk: [ { identity: tech-1, keyHex: 32+ hex digits } ],    # optional: CoAP/DTLS
 *               loopbacks: [ { name: flash-door, drive: 17, sense: 22, inverted: false } ] }       # optional: /test/gpio
 * sections: [ { id, entry: {gantry, camera?}, exit: {gantry, camera?}, distanceM, distanceUncertaintyM (0),
 *               speedLimitKmh, margin: NL | FR | {country: BE, absoluteKmh, thresholdKmh, percent} } ]
 * sectionRules: { minConfidence: 0.8, passageTtlHours: 24 (max 72) }
 * clock:    { syncBoundMicros: 100000, source: chrony }   # source: chrony (chronyc -c tracking) | none
 * hotlist:  { file: {storage.dir}/hotlist.db, alertMinConfidence: 0 }   # matches read less sure: no alert
 * outbox:   { file: {storage.dir}/outbox.db, maxBytes: 1073741824 }
 * mqtt:     { serverUri (required), clientId: {gantry.id}, username, password,
 *             tls: {keyStore, keyStorePassword, trustStore, trustStorePassword},
 *             keepAliveSeconds: 30, connectTimeoutSeconds: 10, maxInflight: 64, heartbeatSeconds: 30,
 *             reconnectMinMillis: 500, reconnectMaxMillis: 60000 }
 * </pre>
 */
public final class AgentConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AgentConfigLoader() {
    }

    public static AgentConfig load(Path file) throws ConfigException {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read (" + e.getMessage() + ")"));
        }
    }

    public static AgentConfig parse(String yaml) throws ConfigException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of("(file): not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(List.of("(file): must be a YAML mapping"));
        }
        List<String> duplicates = DuplicateKeys.in(yaml);
        if (!duplicates.isEmpty()) {
            throw new ConfigException(duplicates);
        }
        NodeReader r = new NodeReader();
        r.onlyKnown(root, "", Set.of("gantry", "storage", "cameras", "recognition", "alertOutput", "management", "sections", "sectionRules", "clock", "hotlist", "outbox", "mqtt", "metrics", "evidence"));

        JsonNode gantry = r.object(root, "", "gantry", true);
        r.onlyKnown(gantry, "gantry", Set.of("id"));
        String gantryId = id(r, gantry, "gantry", "id");

        JsonNode storage = r.object(root, "", "storage", false);
        r.onlyKnown(storage, "storage", Set.of("dir"));
        Path dir = Path.of(r.string(storage, "storage", "dir", "./data", false));

        List<CameraConfig> cameras = cameras(r, root);
        RecognitionSettings recognition = recognition(r, root);
        AlertOutputSettings alertOutput = alertOutput(r, root);
        ManagementSettings management = management(r, root);
        List<SectionDefinition> sections = sections(r, root, gantryId, cameras);

        JsonNode rules = r.object(root, "", "sectionRules", false);
        r.onlyKnown(rules, "sectionRules", Set.of("minConfidence", "passageTtlHours", "signingKeyFile"));
        double minConfidence = r.number(rules, "sectionRules", "minConfidence", 0.8, 0, 1, false);
        long ttlHours = r.integer(rules, "sectionRules", "passageTtlHours", 24, 1, 72);
        java.security.PrivateKey signingKey = signingKey(r, rules);
        JsonNode clock = r.object(root, "", "clock", false);
        r.onlyKnown(clock, "clock", Set.of("syncBoundMicros", "source"));
        String clockSource = r.string(clock, "clock", "source", "chrony", false);
        if (!clockSource.equals("chrony") && !clockSource.equals("none")) {
            r.error("clock.source", "must be chrony or none, was '" + clockSource + "'");
        }
        long bound = r.integer(clock, "clock", "syncBoundMicros", 100_000, 1, 10_000_000);

        JsonNode hotlist = r.object(root, "", "hotlist", false);
        r.onlyKnown(hotlist, "hotlist", Set.of("file", "alertMinConfidence"));
        double alertMinConfidence = r.number(hotlist, "hotlist", "alertMinConfidence", 0, 0, 1, false);
        Path hotlistFile = Path.of(r.string(hotlist, "hotlist", "file", dir.resolve("hotlist.db").toString(), false));
        JsonNode outbox = r.object(root, "", "outbox", false);
        r.onlyKnown(outbox, "outbox", Set.of("file", "maxBytes", "minFreeBytes"));
        Path outboxFile = Path.of(r.string(outbox, "outbox", "file", dir.resolve("outbox.db").toString(), false));
        long maxBytes = r.integer(outbox, "outbox", "maxBytes", OutboxLimits.DEFAULTS.maxBytes(), 1 << 20, Long.MAX_VALUE);
        long minFreeBytes = r.integer(outbox, "outbox", "minFreeBytes", OutboxLimits.DEFAULT_MIN_FREE_BYTES, 0, Long.MAX_VALUE);

        MqttSettings mqtt = MqttConfigReader.read(r, r.object(root, "", "mqtt", true), gantryId);
        JsonNode metricsNode = r.object(root, "", "metrics", false);
        r.onlyKnown(metricsNode, "metrics", Set.of("enabled", "host", "port"));
        MetricsSettings md = MetricsSettings.DEFAULTS;
        MetricsSettings metrics = new MetricsSettings(r.bool(metricsNode, "metrics", "enabled", md.enabled()),
                r.string(metricsNode, "metrics", "host", md.host(), false), (int) r.integer(metricsNode, "metrics", "port", md.port(), 0, 65_535));
        org.anpr.edge.frames.EvidenceConfig evidence = evidence(r, root);
        if (!r.errors().isEmpty()) {
            throw new ConfigException(r.errors());
        }
        return new AgentConfig(gantryId, cameras, recognition, sections, new SectionSettings(minConfidence, bound, Duration.ofHours(ttlHours), signingKey),
                hotlistFile, outboxFile, dir.resolve("sections.db"), new OutboxLimits(maxBytes, minFreeBytes), mqtt, alertOutput, clockSource, management,
                metrics, evidence, alertMinConfidence);
    }

    private static List<CameraConfig> cameras(NodeReader r, JsonNode root) {
        List<CameraConfig> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> nodes = r.list(root, "", "cameras");
        for (int i = 0; i < nodes.size(); i++) {
            String path = "cameras[" + i + "]";
            JsonNode c = nodes.get(i);
            r.onlyKnown(c, path, Set.of("id", "lane", "source", "replay", "frameIntervalMillis"));
            String id = id(r, c, path, "id");
            if (id != null && !seen.add(id)) {
                r.error(path + ".id", "duplicate camera id '" + id + "'");
            }
            int lane = (int) r.integer(c, path, "lane", 1, 1, 64);
            String source = r.string(c, path, "source", null, true);
            String replay = r.string(c, path, "replay", "realtime", false);
            Pacing pacing = Pacing.REALTIME;
            if (replay.equals("fast")) {
                pacing = Pacing.AS_FAST_AS_POSSIBLE;
            } else if (!replay.equals("realtime")) {
                r.error(path + ".replay", "must be realtime or fast, was '" + replay + "'");
            }
            long interval = r.integer(c, path, "frameIntervalMillis", CameraConfig.DEFAULT_FRAME_INTERVAL_MILLIS, 1, 10_000);
            out.add(new CameraConfig(id, lane, source, pacing, interval));
        }
        return out;
    }

    /** {@code sectionRules.signingKeyFile}: the Ed25519 key (PKCS#8 PEM) that signs this gantry's violations; null for none. */
    private static java.security.PrivateKey signingKey(NodeReader r, JsonNode rules) {
        String file = r.string(rules, "sectionRules", "signingKeyFile", null, false);
        if (file == null) {
            return null;
        }
        try {
            return org.anpr.protocol.evidence.ViolationSignature.privateKey(java.nio.file.Files.readString(Path.of(file)));
        } catch (java.io.IOException e) {
            r.error("sectionRules.signingKeyFile", "cannot read '" + file + "' (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            r.error("sectionRules.signingKeyFile", "'" + file + "' is " + e.getMessage());
        }
        return null;
    }

    /** {@code evidence:}: the images a read carries (a plate crop always; the overview on request). */
    private static org.anpr.edge.frames.EvidenceConfig evidence(NodeReader r, JsonNode root) {
        JsonNode n = r.object(root, "", "evidence", false);
        r.onlyKnown(n, "evidence", Set.of("overview", "overviewMaxWidth", "overviewQuality", "cropQuality"));
        org.anpr.edge.frames.EvidenceConfig d = org.anpr.edge.frames.EvidenceConfig.defaults();
        boolean overview = r.bool(n, "evidence", "overview", d.overview());
        int width = (int) r.integer(n, "evidence", "overviewMaxWidth", d.overviewMaxWidth(), 160, 8192);
        int quality = (int) r.integer(n, "evidence", "overviewQuality", d.overviewQuality(), 10, 100);
        int cropQuality = (int) r.integer(n, "evidence", "cropQuality", d.cropQuality(), 10, 100);
        return new org.anpr.edge.frames.EvidenceConfig(cropQuality, d.cropMargin(), d.cropMaxWidth(), overview, quality, width,
                d.maxOverviews());
    }

    private static RecognitionSettings recognition(NodeReader r, JsonNode root) {
        JsonNode n = r.object(root, "", "recognition", false);
        r.onlyKnown(n, "recognition", Set.of("region", "workers", "readers", "neuralModel"));
        RecognitionSettings d = RecognitionSettings.DEFAULTS;
        String code = r.string(n, "recognition", "region", d.region().code(), false);
        Region region = d.region();
        try {
            region = Region.parse(code);
        } catch (IllegalArgumentException e) {
            r.error("recognition.region", e.getMessage());
        }
        int workers = (int) r.integer(n, "recognition", "workers", d.workers(), 1, 256);
        Set<PlateReaderKind> readers = d.readers();
        String list = r.string(n, "recognition", "readers", null, false);
        if (list != null) {
            try {
                readers = PlateReaderKind.parseList(list);
            } catch (IllegalArgumentException e) {
                r.error("recognition.readers", e.getMessage());
            }
            if (readers.isEmpty()) {
                r.error("recognition.readers", "at least one reader is needed (known: "
                        + PlateReaderKind.codes(java.util.EnumSet.allOf(PlateReaderKind.class)) + ")");
                readers = d.readers();
            }
        }
        String model = r.string(n, "recognition", "neuralModel", null, false);
        if (model != null && !readers.contains(PlateReaderKind.NEURAL)) {
            r.error("recognition.neuralModel", "is only read by the neural reader, which recognition.readers leaves out");
        }
        return new RecognitionSettings(region, workers, readers, model == null ? null : Path.of(model));
    }

    private static AlertOutputSettings alertOutput(NodeReader r, JsonNode root) {
        if (!root.has("alertOutput")) {
            return null;
        }
        JsonNode n = r.object(root, "", "alertOutput", true);
        r.onlyKnown(n, "alertOutput", Set.of("bcmPin", "pulseMillis", "maxPriority"));
        if (!n.has("bcmPin")) {
            r.error("alertOutput.bcmPin", "required field is missing");
        }
        int pin = (int) r.integer(n, "alertOutput", "bcmPin", 0, 0, 27);
        long pulse = r.integer(n, "alertOutput", "pulseMillis", 2000, 10, 600_000);
        int maxPriority = (int) r.integer(n, "alertOutput", "maxPriority", 9, 1, 9);
        return new AlertOutputSettings(pin, Duration.ofMillis(pulse), maxPriority);
    }

    private static ManagementSettings management(NodeReader r, JsonNode root) {
        if (!root.has("management")) {
            return null;
        }
        JsonNode n = r.object(root, "", "management", true);
        r.onlyKnown(n, "management", Set.of("bind", "port", "psk", "loopbacks"));
        String bind = r.string(n, "management", "bind", "0.0.0.0", false);
        int port = (int) r.integer(n, "management", "port", 5684, 0, 65_535); // 0: any free port
        List<PskCredential> keys = new ArrayList<>();
        List<JsonNode> psk = r.list(n, "management", "psk");
        if (psk.isEmpty()) {
            r.error("management.psk", "at least one technician key is required");
        }
        for (int i = 0; i < psk.size(); i++) {
            String path = "management.psk[" + i + "]";
            r.onlyKnown(psk.get(i), path, Set.of("identity", "keyHex"));
            String identity = r.string(psk.get(i), path, "identity", null, true);
            String hex = r.string(psk.get(i), path, "keyHex", null, true);
            if (identity == null || hex == null) {
                continue;
            }
            try {
                keys.add(new PskCredential(identity, HexFormat.of().parseHex(hex)));
            } catch (IllegalArgumentException e) {
                r.error(path + ".keyHex", "must be at least " + 2 * PskCredential.MIN_KEY_BYTES + " hex digits ("
                        + PskCredential.MIN_KEY_BYTES + " random bytes): " + e.getMessage());
            }
        }
        return new ManagementSettings(bind, port, keys, loopbacks(r, n));
    }

    private static List<ManagementSettings.Loopback> loopbacks(NodeReader r, JsonNode management) {
        List<ManagementSettings.Loopback> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonNode> nodes = r.list(management, "management", "loopbacks");
        for (int i = 0; i < nodes.size(); i++) {
            String path = "management.loopbacks[" + i + "]";
            JsonNode l = nodes.get(i);
            r.onlyKnown(l, path, Set.of("name", "drive", "sense", "inverted"));
            if (!l.has("drive") || !l.has("sense")) {
                r.error(path, "drive and sense (BCM pin numbers) are required");
                continue;
            }
            int drive = (int) r.integer(l, path, "drive", 0, 0, 27);
            int sense = (int) r.integer(l, path, "sense", 0, 0, 27);
            if (drive == sense) {
                r.error(path + ".sense", "must be another pin than drive (" + drive + ")");
            }
            String name = r.string(l, path, "name", "BCM" + drive + "->BCM" + sense, false);
            if (!names.add(name)) {
                r.error(path + ".name", "duplicate loopback name '" + name + "'");
            }
            out.add(new ManagementSettings.Loopback(name, drive, sense, r.bool(l, path, "inverted", false)));
        }
        return out;
    }

    private static List<SectionDefinition> sections(NodeReader r, JsonNode root, String gantryId, List<CameraConfig> cameras) {
        List<SectionDefinition> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> nodes = r.list(root, "", "sections");
        for (int i = 0; i < nodes.size(); i++) {
            String path = "sections[" + i + "]";
            JsonNode s = nodes.get(i);
            r.onlyKnown(s, path, Set.of("id", "entry", "exit", "distanceM", "distanceUncertaintyM", "speedLimitKmh", "margin"));
            String id = id(r, s, path, "id");
            if (id != null && !seen.add(id)) {
                r.error(path + ".id", "duplicate section id '" + id + "'");
            }
            String[] entry = end(r, s, path + ".entry", gantryId, cameras);
            String[] exit = end(r, s, path + ".exit", gantryId, cameras);
            double distance = r.number(s, path, "distanceM", 1, 1, 1_000_000, true);
            double uncertainty = r.number(s, path, "distanceUncertaintyM", 0, 0, 1_000_000, false);
            if (uncertainty >= distance) {
                r.error(path + ".distanceUncertaintyM", "must be smaller than distanceM (" + distance + ")");
            }
            double limit = r.number(s, path, "speedLimitKmh", 1, 1, 400, true);
            MarginRule margin = margin(r, s, path);
            if (gantryId != null && entry[0] != null && exit[0] != null && !gantryId.equals(entry[0]) && !gantryId.equals(exit[0])) {
                r.error(path, "gantry " + gantryId + " is neither the entry nor the exit of this section");
            }
            out.add(new SectionDefinition(id, entry[0], entry[1], exit[0], exit[1], distance, Math.min(uncertainty, distance / 2), limit, margin));
        }
        return out;
    }

    /** {gantry, camera?} of a section end. */
    private static String[] end(NodeReader r, JsonNode section, String path, String gantryId, List<CameraConfig> cameras) {
        JsonNode n = section.get(path.substring(path.lastIndexOf('.') + 1));
        if (n == null || !n.isObject()) {
            r.error(path, "required mapping {gantry, camera} is missing");
            return new String[2];
        }
        r.onlyKnown(n, path, Set.of("gantry", "camera"));
        String g = id(r, n, path, "gantry");
        String cam = n.has("camera") ? id(r, n, path, "camera") : null;
        if (cam != null && g != null && g.equals(gantryId) && cameras.stream().noneMatch(c -> cam.equals(c.id()))) {
            r.error(path + ".camera", "camera '" + cam + "' is not one of this gantry's cameras");
        }
        return new String[] {g, cam};
    }

    private static MarginRule margin(NodeReader r, JsonNode s, String path) {
        JsonNode m = s.get("margin");
        String mp = path + ".margin";
        if (m == null || m.isNull()) {
            r.error(mp, "required: NL, FR or {country, absoluteKmh, thresholdKmh, percent}");
            return MarginRule.NL;
        }
        if (m.isTextual()) {
            MarginRule preset = MarginRule.preset(m.asText());
            if (preset == null) {
                r.error(mp, "no preset for '" + m.asText() + "' (presets: NL, FR); give {country, absoluteKmh, thresholdKmh, percent}");
                return MarginRule.NL;
            }
            return preset;
        }
        r.onlyKnown(m, mp, Set.of("country", "absoluteKmh", "thresholdKmh", "percent"));
        String country = r.string(m, mp, "country", "XX", true);
        double abs = r.number(m, mp, "absoluteKmh", 0, 0, 50, true);
        double threshold = r.number(m, mp, "thresholdKmh", 0, 0, 400, true);
        double percent = r.number(m, mp, "percent", 0, 0, 50, true);
        return MarginRule.custom(country, abs, threshold, percent);
    }

    /** A required topic-safe id. */
    static String id(NodeReader r, JsonNode parent, String path, String name) {
        String v = r.string(parent, path, name, null, true);
        if (v != null) {
            String problem = GantryId.problemWith(v);
            if (problem != null) {
                r.error(NodeReader.join(path, name), problem);
                return null;
            }
        }
        return v;
    }
}
