package org.anpr.provision.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.anpr.provision.diagnostics.Problems;
import org.anpr.provision.diagnostics.Source;
import org.anpr.provision.profile.CameraProfile;
import org.anpr.provision.profile.GantryProfile;
import org.anpr.provision.profile.GpioPinMap;
import org.anpr.provision.profile.ManagementEndpoint;
import org.anpr.provision.profile.MqttEndpoint;
import org.anpr.provision.profile.SectionProfile;
import org.anpr.provision.yaml.YamlMap;

/**
 * Rules of one profile that span several values, beyond what the format itself says: unique
 * camera and section ids, each GPIO pin used once (and only where there is GPIO), regions of
 * interest inside the frame, section uncertainty below the distance, credentials that come in
 * pairs (MQTT user and password file, management key and CSR file), at least one time source.
 */
final class ProfileChecks {
    private final LoadedProfile p;
    private final GantryProfile g;
    private final Problems problems;

    private ProfileChecks(LoadedProfile p, Problems problems) {
        this.p = p;
        this.g = p.profile();
        this.problems = problems;
    }

    static void check(LoadedProfile p, Problems problems) {
        ProfileChecks c = new ProfileChecks(p, problems);
        c.cameras();
        c.gpio();
        c.sections();
        c.mqtt();
        c.management();
        c.clock();
    }

    private void cameras() {
        Map<String, Source> ids = new HashMap<>();
        for (int i = 0; i < g.cameras().size(); i++) {
            CameraProfile c = g.cameras().get(i);
            String path = "cameras[" + i + "]";
            unique(ids, c.id(), path + ".id", "camera id");
            if (c.roi() != null && c.resolution().width() > 0 && c.resolution().height() > 0 && !c.roi().fitsIn(c.resolution())) {
                problems.at(p.at(path + ".roi"), path + ".roi", String.format("the region %dx%d at (%d, %d) reaches beyond the %dx%d frame",
                                c.roi().width(), c.roi().height(), c.roi().x(), c.roi().y(), c.resolution().width(), c.resolution().height()),
                        "x + width <= " + c.resolution().width() + " and y + height <= " + c.resolution().height());
            }
        }
    }

    private void gpio() {
        GpioPinMap pins = g.gpio();
        List<Use> uses = new ArrayList<>();
        TreeSet<Integer> lanes = new TreeSet<>();
        g.cameras().forEach(c -> lanes.add(c.lane()));
        Map<String, Source> loopLanes = new HashMap<>();
        for (int i = 0; i < pins.loops().size(); i++) {
            GpioPinMap.LoopPins l = pins.loops().get(i);
            String path = "gpio.loops[" + i + "]";
            uses.add(new Use(l.leading(), path + ".leading", p.at(path + ".leading")));
            if (l.trailing() != null) {
                uses.add(new Use(l.trailing(), path + ".trailing", p.at(path + ".trailing")));
                if (l.spacingM() == null) {
                    problems.at(p.at(path), path + ".spacingM", "a trailing loop without spacingM",
                            "spacingM: the measured distance between the two loops' leading edges, metres");
                }
            }
            if (l.lane() > 0) {
                unique(loopLanes, String.valueOf(l.lane()), path + ".lane", "loop lane");
                if (!lanes.isEmpty() && !lanes.contains(l.lane())) {
                    problems.at(p.at(path + ".lane"), path + ".lane", "no camera watches lane " + l.lane(), "a lane of the cameras: " + lanes);
                }
            }
        }
        for (int i = 0; i < pins.loopbacks().size(); i++) {
            GpioPinMap.Loopback l = pins.loopbacks().get(i);
            String path = "gpio.loopbacks[" + i + "]";
            for (String end : new String[] {l.drive(), l.sense()}) {
                if (pins.pin(end) == null) {
                    String field = path + (end.equals(l.drive()) ? ".drive" : ".sense");
                    problems.at(p.at(field), field, "gpio." + end + " has no pin", "a pin set under gpio: (gpio." + end + ": BCM number)");
                }
            }
        }
        addPin(uses, pins.flash(), "gpio.flash");
        addPin(uses, pins.door(), "gpio.door");
        addPin(uses, pins.relay(), "gpio.relay");
        uses.removeIf(u -> u.pin() < 0 || u.pin() > GpioPinMap.MAX_BCM_PIN);
        if (!uses.isEmpty() && g.controller() != null && !g.controller().hasGpioHeader()) {
            problems.at(p.keyAt("gpio"), "gpio", "controller " + g.controller().code() + " has no GPIO header",
                    "no gpio: section, or a Raspberry Pi controller");
        }
        uses.sort(Comparator.comparing((Use u) -> u.at().file().equals(p.file()) ? 1 : 0)
                .thenComparingInt(u -> u.at().line()).thenComparingInt(u -> u.at().column()));
        Map<Integer, Use> first = new HashMap<>();
        for (Use u : uses) {
            Use before = first.putIfAbsent(u.pin(), u);
            if (before != null) {
                problems.at(u.at(), u.field(), "BCM pin " + u.pin() + " is already used by " + before.field() + " ("
                        + before.at().describeFrom(u.at().file()) + ")", "each pin for one purpose");
            }
        }
    }

    /** One purpose a pin is wired to. */
    private record Use(int pin, String field, Source at) {
    }

    private void addPin(List<Use> uses, Integer pin, String field) {
        if (pin != null) {
            uses.add(new Use(pin, field, p.at(field)));
        }
    }

    private void sections() {
        Map<String, Source> ids = new HashMap<>();
        for (int i = 0; i < g.sections().size(); i++) {
            SectionProfile s = g.sections().get(i);
            String path = "sections[" + i + "]";
            unique(ids, s.id(), path + ".id", "section id");
            if (s.distanceM() > 0 && s.distanceUncertaintyM() >= s.distanceM()) {
                problems.at(p.at(path + ".distanceUncertaintyM"), path + ".distanceUncertaintyM",
                        num(s.distanceUncertaintyM()) + " m is not smaller than distanceM " + num(s.distanceM()) + " m",
                        "0 m or more, less than distanceM");
            }
            if (s.otherEnd() != null && s.otherEnd().equals(g.id())) {
                problems.at(p.at(path + ".otherEnd"), path + ".otherEnd", "the other end is this gantry itself",
                        "the id of the gantry at the section's other end");
            }
            if (s.camera() != null && g.cameras().stream().noneMatch(c -> s.camera().equals(c.id()))) {
                problems.at(p.at(path + ".camera"), path + ".camera", "camera '" + s.camera() + "' is not one of this gantry's cameras",
                        g.cameras().isEmpty() ? "no camera: this gantry has none" : "one of " + String.join(", ",
                                g.cameras().stream().map(CameraProfile::id).filter(java.util.Objects::nonNull).toList()));
            }
        }
    }

    private void mqtt() {
        MqttEndpoint m = g.mqtt();
        if (m == null) {
            return;
        }
        boolean secretGiven = p.tree().map("mqtt") != null && p.tree().map("mqtt").get("password") != null; // reported as a secret
        if (m.username() != null && m.passwordFile() == null && !secretGiven) {
            problems.at(p.keyAt("mqtt.username"), "mqtt.username", "a username without passwordFile",
                    "passwordFile: a file holding the broker password, next to username");
        }
        if (m.username() == null && m.passwordFile() != null) {
            problems.at(p.keyAt("mqtt.passwordFile"), "mqtt.passwordFile", "passwordFile without username", "username: the broker user");
        }
        if (m.serverUri() != null && m.serverUri().startsWith("ssl://") && (m.tls() == null || m.tls().trustStore() == null)) {
            problems.at(p.at("mqtt.serverUri"), "mqtt.serverUri", "ssl:// without tls.trustStore",
                    "tls: { trustStore: <PKCS#12 file with the broker's CA> }");
        }
    }

    private void management() {
        ManagementEndpoint m = g.management();
        if (m == null) {
            return;
        }
        if ((m.keyFile() == null) != (m.csrFile() == null)) {
            String given = m.keyFile() != null ? "keyFile" : "csrFile";
            String missing = m.keyFile() != null ? "csrFile" : "keyFile";
            problems.at(p.keyAt("management." + given), "management." + given, given + " without " + missing,
                    "both keyFile and csrFile (the key and its signing request), or neither");
        }
        if (m.keyFile() != null && m.keyFile().equals(m.csrFile())) {
            problems.at(p.at("management.csrFile"), "management.csrFile", "the same file as keyFile",
                    "a file of its own for the signing request");
        }
    }

    private void clock() {
        YamlMap clock = p.tree().map("clock"); // servers given but invalid are reported by the format check
        if (clock != null && clock.given("ntpServers") == null && clock.given("ptpServers") == null) {
            problems.at(clock.source(), "clock", "no time source: reads need a synchronised clock",
                    "ntpServers or ptpServers with at least one host");
        }
    }

    private void unique(Map<String, Source> seen, String id, String path, String what) {
        if (id == null) {
            return;
        }
        Source at = p.at(path);
        Source first = seen.putIfAbsent(id, at);
        if (first != null) {
            problems.at(at, path, "duplicate " + what + " '" + id + "' (first at " + first.describeFrom(at.file()) + ")", null);
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
