package org.anpr.provision.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anpr.provision.diagnostics.Problems;
import org.anpr.provision.diagnostics.Source;
import org.anpr.provision.profile.GantryProfile;
import org.anpr.provision.profile.SectionProfile;
import org.anpr.provision.profile.SectionProfile.Role;

/**
 * Rules across the profiles of one network (a folder): gantry ids unique; every section declared
 * by exactly its two ends, one entry and one exit, each naming the other; both ends agreeing on
 * distance, uncertainty, limit and margin; and the section running the way the carriageway does
 * (same carriageway of one road, kilometre points in the direction of travel, not shorter than the
 * straight line between the two gantries). Disagreements are reported at the exit's value, naming
 * where the entry says otherwise.
 */
final class NetworkChecks {
    /** GPS positions are good to a few metres; the straight-line check allows this much slack. */
    static final double POSITION_SLACK_M = 50;

    /** One section as declared by one gantry. */
    private record End(LoadedProfile file, int index, SectionProfile section) {
        String path(String field) {
            return "sections[" + index + "]." + field;
        }

        Source at(String field) {
            return file.at(path(field));
        }

        String gantry() {
            return file.profile().id();
        }
    }

    private final Problems problems;
    private final Map<String, LoadedProfile> byId = new TreeMap<>();

    private NetworkChecks(Problems problems) {
        this.problems = problems;
    }

    static void check(List<LoadedProfile> network, Problems problems) {
        new NetworkChecks(problems).run(network);
    }

    private void run(List<LoadedProfile> network) {
        Map<String, List<End>> sections = new LinkedHashMap<>();
        for (LoadedProfile p : network) {
            GantryProfile g = p.profile();
            if (g == null || g.id() == null) {
                continue;
            }
            LoadedProfile first = byId.putIfAbsent(g.id(), p);
            if (first != null) {
                problems.at(p.at("gantry.id"), "gantry.id", "duplicate gantry id '" + g.id() + "' (also " + first.at("gantry.id").describeFrom(p.file()) + ")",
                        "a gantry id unique in the network");
                continue;
            }
            for (int i = 0; i < g.sections().size(); i++) {
                SectionProfile s = g.sections().get(i);
                if (s.id() != null) {
                    sections.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new End(p, i, s));
                }
            }
        }
        sections.values().forEach(this::section);
    }

    private void section(List<End> ends) {
        for (End e : ends) {
            String other = e.section().otherEnd();
            if (other != null && !other.equals(e.gantry()) && !byId.containsKey(other)) {
                problems.at(e.at("otherEnd"), e.path("otherEnd"), "gantry '" + other + "' is not in the network",
                        "one of " + String.join(", ", byId.keySet()));
            }
        }
        if (ends.size() > 2) {
            for (End extra : ends.subList(2, ends.size())) {
                problems.at(extra.at("id"), extra.path("id"), "section '" + extra.section().id() + "' is already declared by "
                        + ends.get(0).gantry() + " and " + ends.get(1).gantry(), "a section id used by exactly its two ends");
            }
            return;
        }
        if (ends.size() == 1) {
            lonely(ends.get(0));
            return;
        }
        End a = ends.get(0);
        End b = ends.get(1);
        if (a.section().role() != null && a.section().role() == b.section().role()) {
            problems.at(b.at("role"), b.path("role"), "both ends are the " + b.section().role().code() + " (also " + a.gantry()
                    + ", " + a.at("role").describeFrom(b.file().file()) + ")", a.section().role().opposite().code());
            return;
        }
        End entry = a.section().role() == Role.EXIT ? b : a;
        End exit = entry == a ? b : a;
        for (End[] pair : new End[][] {{entry, exit}, {exit, entry}}) {
            if (pair[0].section().otherEnd() != null && !pair[0].section().otherEnd().equals(pair[1].gantry())
                    && byId.containsKey(pair[0].section().otherEnd())) {
                problems.at(pair[0].at("otherEnd"), pair[0].path("otherEnd"), "section '" + pair[0].section().id() + "' is declared by "
                        + pair[1].gantry() + " (" + pair[1].at("id").describeFrom(pair[0].file().file()) + "), not by " + pair[0].section().otherEnd(), pair[1].gantry());
            }
        }
        SectionAgreement.check(entry.file(), entry.index(), exit.file(), exit.index(), problems);
    }

    /** A section only one end declares: the other end lacks it (or is not in the network, reported above). */
    private void lonely(End e) {
        String other = e.section().otherEnd();
        LoadedProfile there = other == null ? null : byId.get(other);
        if (there == null || e.section().role() == null) {
            return;
        }
        Role missing = e.section().role().opposite();
        problems.at(e.at("id"), e.path("id"), (e.section().role() == Role.ENTRY ? "an entry without an exit" : "an exit without an entry")
                        + ": " + other + " (" + (there.file().getParent() != null && there.file().getParent().equals(e.file().file().getParent())
                        ? there.file().getFileName() : there.file()) + ") does not declare section '" + e.section().id() + "'",
                "the same section in " + other + "'s profile with role: " + missing.code() + ", otherEnd: " + e.gantry());
    }
}
