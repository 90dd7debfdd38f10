package org.anpr.provision.validation;

import java.util.Locale;
import org.anpr.provision.diagnostics.Problems;
import org.anpr.provision.diagnostics.Source;
import org.anpr.provision.profile.Carriageway;
import org.anpr.provision.profile.GantryProfile;
import org.anpr.provision.profile.SectionProfile;

/**
 * Whether the entry and the exit of one section agree: the same distance, uncertainty, limit and
 * margin (each side times vehicles with its own copy), and a direction that fits the road.
 */
final class SectionAgreement {
    private SectionAgreement() {
    }

    static void check(LoadedProfile entryFile, int entryIndex, LoadedProfile exitFile, int exitIndex, Problems problems) {
        SectionProfile en = entryFile.profile().sections().get(entryIndex);
        SectionProfile ex = exitFile.profile().sections().get(exitIndex);
        String ep = "sections[" + entryIndex + "].";
        String xp = "sections[" + exitIndex + "].";
        same(problems, en.distanceM(), ex.distanceM(), "m", entryFile, ep + "distanceM", exitFile, xp + "distanceM");
        same(problems, en.distanceUncertaintyM(), ex.distanceUncertaintyM(), "m", entryFile, ep + "distanceUncertaintyM", exitFile,
                xp + "distanceUncertaintyM");
        same(problems, en.speedLimitKmh(), ex.speedLimitKmh(), "km/h", entryFile, ep + "speedLimitKmh", exitFile, xp + "speedLimitKmh");
        if (en.margin() != null && ex.margin() != null && !en.margin().sameRule(ex.margin())) {
            problems.at(exitFile.at(xp + "margin"), xp + "margin", "the exit's margin (" + ex.margin() + ") differs from the entry's ("
                    + en.margin() + ", " + entryFile.at(ep + "margin").describeFrom(exitFile.file()) + ")", "the same margin rule at both ends");
        }
        direction(entryFile.profile(), exitFile, xp, en, problems);
    }

    private static void same(Problems problems, double entry, double exit, String unit, LoadedProfile entryFile, String entryPath,
                             LoadedProfile exitFile, String exitPath) {
        if (Double.isNaN(entry) || Double.isNaN(exit) || entry == exit) {
            return;
        }
        Source there = entryFile.at(entryPath);
        problems.at(exitFile.at(exitPath), exitPath, "the exit says " + num(exit) + " " + unit + ", the entry "
                + entryFile.profile().id() + " says " + num(entry) + " " + unit + " (" + there.describeFrom(exitFile.file()) + ")", "the same value at both ends");
    }

    private static void direction(GantryProfile entry, LoadedProfile exitFile, String xp, SectionProfile section, Problems problems) {
        GantryProfile exit = exitFile.profile();
        Source at = exitFile.at(xp + "otherEnd");
        String field = xp + "otherEnd";
        if (entry.road() != null && exit.road() != null && entry.road().road() != null && entry.road().road().equals(exit.road().road())) {
            Carriageway a = entry.road().carriageway();
            Carriageway b = exit.road().carriageway();
            if (a != null && b != null && a != b) {
                problems.at(at, field, "the entry " + entry.id() + " watches the " + a.code() + " carriageway of " + entry.road().road()
                        + ", this exit the " + b.code() + " one", "both ends on the same carriageway");
            } else if (a != null && a == b && a != Carriageway.BOTH && entry.road().km() != null && exit.road().km() != null) {
                double dkm = exit.road().km() - entry.road().km();
                if (a == Carriageway.INCREASING ? dkm <= 0 : dkm >= 0) {
                    problems.at(at, field, String.format(Locale.ROOT, "on the %s carriageway the exit (km %s) must come after the entry %s (km %s)",
                            a.code(), num(exit.road().km()), entry.id(), num(entry.road().km())),
                            a == Carriageway.INCREASING ? "an exit at a higher kilometre point" : "an exit at a lower kilometre point");
                }
            }
        }
        if (entry.position() != null && exit.position() != null && !Double.isNaN(section.distanceM())) {
            double straight = entry.position().metresTo(exit.position());
            if (section.distanceM() + section.distanceUncertaintyM() + NetworkChecks.POSITION_SLACK_M < straight) {
                problems.at(exitFile.at(xp + "distanceM"), xp + "distanceM", String.format(Locale.ROOT,
                        "%s m is shorter than the straight line between the two gantries' positions (%.0f m)", num(section.distanceM()), straight),
                        "a road distance at least the straight-line distance; check distanceM and both positions");
            }
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
