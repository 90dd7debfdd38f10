package org.anpr.provision.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anpr.provision.yaml.YamlMap;
import org.anpr.provision.yaml.YamlNode;
import org.anpr.provision.yaml.YamlScalar;

/**
 * Turns a merged profile tree into a {@link GantryProfile}, applying the documented defaults.
 * Lenient on purpose: what is missing or of the wrong type becomes null (the validator has
 * already reported it), so checks across the network still see the rest of a broken profile.
 */
public final class ProfileMapper {
    private ProfileMapper() {
    }

    public static GantryProfile map(YamlMap root) {
        YamlMap g = orEmpty(root.map("gantry"));
        String id = g.text("id");
        return new GantryProfile(id, g.text("site"), position(g.map("position")), road(g),
                ControllerModel.of(g.text("controller")), cameras(root), gpio(root.map("gpio")), radar(root.map("radar")),
                sections(root), mqtt(root.map("mqtt"), id), management(root.map("management"), id), clock(root.map("clock")),
                limits(root));
    }

    private static GeoPosition position(YamlMap p) {
        if (p == null || p.number("lat") == null || p.number("lon") == null) {
            return null;
        }
        double lat = p.number("lat");
        double lon = p.number("lon");
        return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? new GeoPosition(lat, lon) : null;
    }

    private static RoadPosition road(YamlMap g) {
        return new RoadPosition(g.text("road"), Carriageway.of(g.text("carriageway")), g.text("direction"), g.number("km"));
    }

    private static List<CameraProfile> cameras(YamlMap root) {
        List<CameraProfile> out = new ArrayList<>();
        for (YamlNode n : root.list("cameras")) {
            if (!(n instanceof YamlMap c)) {
                continue;
            }
            YamlMap res = c.map("resolution");
            CameraProfile.Resolution resolution = res == null ? CameraProfile.Resolution.DEFAULT
                    : new CameraProfile.Resolution(intOr(res, "width", 0), intOr(res, "height", 0));
            YamlMap r = c.map("roi");
            CameraProfile.RegionOfInterest roi = r == null ? null
                    : new CameraProfile.RegionOfInterest(intOr(r, "x", 0), intOr(r, "y", 0), intOr(r, "width", 0), intOr(r, "height", 0));
            YamlMap e = orEmpty(c.map("exposure"));
            CameraProfile.ExposureHints d = CameraProfile.ExposureHints.DEFAULT;
            CameraProfile.ExposureHints exposure = new CameraProfile.ExposureHints(intOr(e, "maxShutterMicros", d.maxShutterMicros()),
                    e.number("maxGainDb") == null ? d.maxGainDb() : e.number("maxGainDb"),
                    e.bool("wdr") == null ? d.wdr() : e.bool("wdr"));
            CameraProfile.View view = "receding".equals(c.text("view")) ? CameraProfile.View.RECEDING : CameraProfile.View.APPROACHING;
            out.add(new CameraProfile(c.text("id"), intOr(c, "lane", 0), view, c.text("stream"), c.text("credentialsFile"),
                    resolution, roi, exposure));
        }
        return out;
    }

    private static GpioPinMap gpio(YamlMap g) {
        if (g == null) {
            return GpioPinMap.NONE;
        }
        List<GpioPinMap.LoopPins> loops = new ArrayList<>();
        for (YamlNode n : g.list("loops")) {
            if (n instanceof YamlMap l && l.integer("leading") != null) {
                loops.add(new GpioPinMap.LoopPins(intOr(l, "lane", 0), intOr(l, "leading", 0), integer(l, "trailing"), l.number("spacingM")));
            }
        }
        List<GpioPinMap.Loopback> loopbacks = new ArrayList<>();
        for (YamlNode n : g.list("loopbacks")) {
            if (n instanceof YamlMap l && l.text("drive") != null && l.text("sense") != null) {
                loopbacks.add(new GpioPinMap.Loopback(l.text("drive"), l.text("sense"), Boolean.TRUE.equals(l.bool("inverted"))));
            }
        }
        return new GpioPinMap(loops, integer(g, "flash"), integer(g, "door"), integer(g, "relay"), loopbacks);
    }

    private static RadarPort radar(YamlMap r) {
        return r == null ? null : new RadarPort(r.text("port"), intOr(r, "baud", RadarPort.DEFAULT_BAUD));
    }

    private static List<SectionProfile> sections(YamlMap root) {
        List<SectionProfile> out = new ArrayList<>();
        for (YamlNode n : root.list("sections")) {
            if (!(n instanceof YamlMap s)) {
                continue;
            }
            SectionProfile.Role role = "entry".equals(s.text("role")) ? SectionProfile.Role.ENTRY
                    : "exit".equals(s.text("role")) ? SectionProfile.Role.EXIT : null;
            out.add(new SectionProfile(s.text("id"), role, s.text("otherEnd"), s.text("camera"), numberOr(s, "distanceM", Double.NaN),
                    numberOr(s, "distanceUncertaintyM", 0), numberOr(s, "speedLimitKmh", Double.NaN), margin(s.given("margin"))));
        }
        return out;
    }

    private static SpeedMargin margin(YamlNode n) {
        if (n instanceof YamlScalar s && s.type() == YamlScalar.Type.TEXT) {
            return SpeedMargin.preset(s.text());
        }
        if (n instanceof YamlMap m && m.number("absoluteKmh") != null && m.number("thresholdKmh") != null && m.number("percent") != null) {
            String country = m.text("country") == null ? "??" : m.text("country").toUpperCase(Locale.ROOT);
            return new SpeedMargin(null, country, m.number("absoluteKmh"), m.number("thresholdKmh"), m.number("percent"));
        }
        return null;
    }

    private static MqttEndpoint mqtt(YamlMap m, String gantryId) {
        if (m == null) {
            return null;
        }
        YamlMap t = m.map("tls");
        MqttEndpoint.TlsFiles tls = t == null ? null : new MqttEndpoint.TlsFiles(t.text("trustStore"), t.text("trustStorePasswordFile"),
                t.text("keyStore"), t.text("keyStorePasswordFile"));
        String clientId = m.text("clientId") == null ? gantryId : m.text("clientId");
        return new MqttEndpoint(m.text("serverUri"), clientId, m.text("username"), m.text("passwordFile"), tls);
    }

    private static ManagementEndpoint management(YamlMap m, String gantryId) {
        if (m == null) {
            return null;
        }
        String identity = m.text("pskIdentity") == null ? gantryId : m.text("pskIdentity");
        return new ManagementEndpoint(m.text("host"), intOr(m, "port", ManagementEndpoint.DEFAULT_PORT), identity, m.text("pskFile"),
                m.text("keyFile"), m.text("csrFile"));
    }

    private static ClockSync clock(YamlMap c) {
        if (c == null) {
            return null;
        }
        Long bound = c.integer("syncBoundMicros");
        return new ClockSync(texts(c.list("ntpServers")), texts(c.list("ptpServers")), bound == null ? ClockSync.DEFAULT_SYNC_BOUND_MICROS : bound);
    }

    private static StorageLimits limits(YamlMap root) {
        YamlMap outbox = orEmpty(root.map("outbox"));
        YamlMap retention = orEmpty(root.map("retention"));
        Long max = outbox.integer("maxBytes");
        return new StorageLimits(max == null ? StorageLimits.DEFAULT_OUTBOX_MAX_BYTES : max,
                intOr(retention, "passageTtlHours", StorageLimits.DEFAULT_PASSAGE_TTL_HOURS));
    }

    private static List<String> texts(List<YamlNode> nodes) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : nodes) {
            if (n instanceof YamlScalar s && s.type() == YamlScalar.Type.TEXT) {
                out.add(s.text());
            }
        }
        return out;
    }

    private static YamlMap orEmpty(YamlMap m) {
        return m != null ? m : new YamlMap(null, java.util.Map.of());
    }

    private static Integer integer(YamlMap m, String key) {
        Long v = m.integer(key);
        return v == null || v != v.intValue() ? null : v.intValue();
    }

    private static int intOr(YamlMap m, String key, int fallback) {
        Integer v = integer(m, key);
        return v == null ? fallback : v;
    }

    private static double numberOr(YamlMap m, String key, double fallback) {
        Double v = m.number(key);
        return v == null ? fallback : v;
    }
}
