package org.anpr.provision.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anpr.provision.profile.CameraProfile;
import org.anpr.provision.profile.GantryProfile;
import org.anpr.provision.profile.GpioPinMap;
import org.anpr.provision.profile.ManagementEndpoint;
import org.anpr.provision.profile.MqttEndpoint;
import org.anpr.provision.profile.SectionProfile;
import org.anpr.provision.profile.SpeedMargin;
import org.anpr.provision.secrets.SecretException;
import org.anpr.provision.secrets.SecretFiles;
import org.anpr.provision.validation.LoadedProfile;

/**
 * A valid profile as the edge agent's configuration: the tree of {@code gantry.yaml} keys (see
 * edge-agent's {@code AgentConfigLoader}), the profile fields the agent has no key for, and the
 * secrets left out with the file each one is in. Shared by the {@code agent} and {@code kura} formats.
 *
 * @param tree        ordered mappings, lists and scalars (String, Integer, Long, Double, Boolean)
 * @param notRendered profile fields present in the profile that the agent has no key for
 * @param toFill      secrets left out: {@code agent key <- file}, one line each
 */
public record AgentDocument(Map<String, Object> tree, List<String> notRendered, List<String> toFill) {

    /**
     * Builds the document.
     *
     * @param expandPresets write margin presets (NL, FR) as their numbers (the Kura snapshot's flat
     *                      properties cannot hold "a name or a mapping")
     */
    public static AgentDocument of(LoadedProfile loaded, RenderOptions options, boolean expandPresets) throws RenderException {
        GantryProfile p = loaded.profile();
        if (p == null || !loaded.valid()) {
            throw new IllegalArgumentException("only a valid profile is rendered: " + loaded.file());
        }
        Builder b = new Builder(loaded, options);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("gantry", map("id", p.id()));
        root.put("storage", map("dir", options.storageDir()));

        List<Object> cameras = new ArrayList<>();
        for (int i = 0; i < p.cameras().size(); i++) {
            CameraProfile c = p.cameras().get(i);
            Map<String, Object> cam = new LinkedHashMap<>();
            cam.put("id", c.id());
            cam.put("lane", c.lane());
            cam.put("source", b.cameraSource(i, c));
            cameras.add(cam);
        }
        root.put("cameras", cameras);

        ManagementEndpoint m = p.management();
        if (m != null) {
            b.management(root, m);
        }

        List<Object> sections = new ArrayList<>();
        for (SectionProfile s : p.sections()) {
            Map<String, Object> sec = new LinkedHashMap<>();
            sec.put("id", s.id());
            sec.put("entry", end(s.entryGantry(p.id()), s.role() == SectionProfile.Role.ENTRY ? s.camera() : null));
            sec.put("exit", end(s.exitGantry(p.id()), s.role() == SectionProfile.Role.EXIT ? s.camera() : null));
            sec.put("distanceM", s.distanceM());
            sec.put("distanceUncertaintyM", s.distanceUncertaintyM());
            sec.put("speedLimitKmh", s.speedLimitKmh());
            sec.put("margin", margin(s.margin(), expandPresets));
            sections.add(sec);
        }
        if (!sections.isEmpty()) {
            root.put("sections", sections);
        }
        root.put("sectionRules", map("passageTtlHours", p.limits().passageTtlHours()));
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("syncBoundMicros", p.clock().syncBoundMicros());
        clock.put("source", "chrony");
        root.put("clock", clock);
        root.put("outbox", map("maxBytes", p.limits().outboxMaxBytes()));
        root.put("mqtt", b.mqtt(p.mqtt()));

        b.notRendered(p);
        return new AgentDocument(root, List.copyOf(b.notRendered), List.copyOf(b.toFill));
    }

    private static Map<String, Object> map(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }

    private static Map<String, Object> end(String gantry, String camera) {
        Map<String, Object> m = map("gantry", gantry);
        if (camera != null) {
            m.put("camera", camera);
        }
        return m;
    }

    private static Object margin(SpeedMargin margin, boolean expand) {
        if (margin.preset() != null && !expand) {
            return margin.preset();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("country", margin.country());
        m.put("absoluteKmh", margin.absoluteKmh());
        m.put("thresholdKmh", margin.thresholdKmh());
        m.put("percent", margin.percent());
        return m;
    }

    /** Reads secrets (when asked) and records what is left out. */
    private static final class Builder {
        private final LoadedProfile loaded;
        private final RenderOptions options;
        final List<String> notRendered = new ArrayList<>();
        final List<String> toFill = new ArrayList<>();

        Builder(LoadedProfile loaded, RenderOptions options) {
            this.loaded = loaded;
            this.options = options;
        }

        private Path secretFile(String field, String reference) {
            return SecretFiles.resolve(loaded, field, reference);
        }

        private String secret(String field, String reference) throws RenderException {
            try {
                return SecretFiles.readText(loaded, field, reference);
            } catch (SecretException e) {
                throw new RenderException(e.getMessage());
            }
        }

        Object cameraSource(int i, CameraProfile c) throws RenderException {
            String stream = c.stream();
            if (stream.startsWith("file:")) {
                return stream.substring("file:".length());
            }
            if (c.credentialsFile() == null) {
                return stream;
            }
            String field = "cameras[" + i + "].credentialsFile";
            if (!options.withSecrets()) {
                toFill.add("cameras[" + i + "].source: put user:password from " + c.credentialsFile() + " into the URL ("
                        + withUserInfo(stream, "USER:PASSWORD") + ")");
                return stream;
            }
            String userPassword = secret(field, c.credentialsFile());
            int colon = userPassword.indexOf(':');
            if (colon <= 0) {
                throw new RenderException(secretFile(field, c.credentialsFile()) + ": must hold user:password (referenced by " + field + ")");
            }
            return withUserInfo(stream, encode(userPassword.substring(0, colon)) + ":" + encode(userPassword.substring(colon + 1)));
        }

        private static String withUserInfo(String url, String userInfo) {
            try {
                URI u = new URI(url);
                int schemeEnd = url.indexOf("://") + 3;
                return u.getRawUserInfo() == null ? url.substring(0, schemeEnd) + userInfo + "@" + url.substring(schemeEnd) : url;
            } catch (URISyntaxException e) {
                return url;
            }
        }

        /** Percent-encodes what may not appear in a URL's user info. */
        private static String encode(String s) {
            StringBuilder out = new StringBuilder();
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=".indexOf(c) >= 0) {
                    out.append(c);
                } else {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            return out.toString();
        }

        void management(Map<String, Object> root, ManagementEndpoint m) throws RenderException {
            String identity = m.pskIdentity() != null ? m.pskIdentity() : loaded.profile().id();
            if (m.pskFile() == null) {
                notRendered.add("management (no pskFile: the agent needs at least one technician key; run 'anpr provision keys' later)");
                return;
            }
            if (!options.withSecrets()) {
                toFill.add("management: the agent requires management.psk[].keyHex, so the block is left out; add"
                        + " management: { bind: 0.0.0.0, port: " + m.port() + ", psk: [ { identity: " + identity
                        + ", keyHex: <hex of " + m.pskFile() + "> } ] }");
                return;
            }
            String hex;
            try {
                hex = HexFormat.of().formatHex(SecretFiles.psk(loaded, "management.pskFile", m.pskFile()));
            } catch (SecretException e) {
                throw new RenderException(e.getMessage());
            }
            Map<String, Object> mg = new LinkedHashMap<>();
            mg.put("bind", "0.0.0.0");
            mg.put("port", m.port());
            Map<String, Object> psk = new LinkedHashMap<>();
            psk.put("identity", identity);
            psk.put("keyHex", hex);
            mg.put("psk", List.of(psk));
            GpioPinMap pins = loaded.profile().gpio();
            if (pins != null && !pins.loopbacks().isEmpty()) {
                List<Object> loopbacks = new ArrayList<>();
                for (GpioPinMap.Loopback l : pins.loopbacks()) {
                    Map<String, Object> lb = new LinkedHashMap<>();
                    lb.put("name", l.name());
                    lb.put("drive", pins.pin(l.drive()));
                    lb.put("sense", pins.pin(l.sense()));
                    lb.put("inverted", l.inverted());
                    loopbacks.add(lb);
                }
                mg.put("loopbacks", loopbacks);
            }
            root.put("management", mg);
        }

        Map<String, Object> mqtt(MqttEndpoint q) throws RenderException {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("serverUri", q.serverUri());
            m.put("clientId", q.clientId() != null ? q.clientId() : loaded.profile().id());
            if (q.username() != null) {
                m.put("username", q.username());
                password(m, "password", "mqtt.password", "mqtt.passwordFile", q.passwordFile());
            }
            MqttEndpoint.TlsFiles t = q.tls();
            if (t != null) {
                Map<String, Object> tls = new LinkedHashMap<>();
                if (t.keyStore() != null) {
                    tls.put("keyStore", options.onDevice(t.keyStore()));
                    password(tls, "keyStorePassword", "mqtt.tls.keyStorePassword", "mqtt.tls.keyStorePasswordFile", t.keyStorePasswordFile());
                }
                if (t.trustStore() != null) {
                    tls.put("trustStore", options.onDevice(t.trustStore()));
                    password(tls, "trustStorePassword", "mqtt.tls.trustStorePassword", "mqtt.tls.trustStorePasswordFile",
                            t.trustStorePasswordFile());
                }
                m.put("tls", tls);
            }
            return m;
        }

        private void password(Map<String, Object> into, String key, String agentKey, String field, String reference) throws RenderException {
            if (reference == null) {
                return;
            }
            if (options.withSecrets()) {
                into.put(key, secret(field, reference));
            } else {
                toFill.add(agentKey + ": the contents of " + reference);
            }
        }

        void notRendered(GantryProfile p) {
            List<String> n = new ArrayList<>();
            n.add("gantry.site");
            n.add("gantry.position");
            n.add("gantry.road/carriageway/direction" + (p.road() != null && p.road().km() != null ? "/km" : ""));
            n.add("gantry.controller");
            if (!p.cameras().isEmpty()) {
                n.add("cameras[].view/resolution/roi/exposure");
            }
            GpioPinMap g = p.gpio();
            if (g != null && !g.equals(GpioPinMap.NONE)) {
                n.add(g.loopbacks().isEmpty() ? "gpio" : "gpio (but its loopbacks, as management.loopbacks)");
            }
            if (p.radar() != null) {
                n.add("radar");
            }
            if (p.management() != null && p.management().host() != null) {
                n.add("management.host (the agent binds 0.0.0.0)");
            }
            n.add("clock.ntpServers/ptpServers (chrony's configuration)");
            notRendered.addAll(0, n);
        }
    }
}
