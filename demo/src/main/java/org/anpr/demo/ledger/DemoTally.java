package org.anpr.demo.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anpr.demo.ledger.CommitLog.Committed;
import org.anpr.demo.traffic.DemoVehicle;
import org.anpr.demo.traffic.Sighting;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionViolation;
import org.anpr.protocol.v1.ViolationOutcome;

/**
 * The demo's ground truth set against what the centre got: which vehicle each read at the centre
 * belongs to, whether it was read exactly, which wanted vehicles reached the live stream and how
 * fast, and which section vehicles got a violation. Pure computation over a finished (or
 * running) demo's records.
 */
public final class DemoTally {
    /** A read belongs to a sighting of the same camera whose frames it was captured between (plus this slack). */
    private static final long SLACK_MICROS = 300_000;

    /** One sighting and the read the gantry made of it (null when none reached the centre). */
    public record Matched(Sighting sighting, Committed read) {
        public boolean exact() {
            return read != null && read.read().getPlateText().equals(sighting.plate());
        }
    }

    /** One section vehicle that passed both gantries, with its true speed between the two sightings. */
    public record SectionTrip(DemoVehicle vehicle, Sighting entry, Sighting exit, double shownKmh, List<SectionViolation> violations) {
    }

    private final List<Matched> matched = new ArrayList<>();
    private final List<Committed> unmatched = new ArrayList<>();
    private final List<SectionTrip> trips = new ArrayList<>();
    private final List<SectionViolation> strayViolations = new ArrayList<>();
    private final Map<String, List<LiveStream.Event>> alertsByRead = new HashMap<>();

    /**
     * @param entryGantry the section's entry gantry
     * @param distanceM   the section's length, for the true speed of each trip
     */
    public DemoTally(Collection<Sighting> sightings, Collection<Committed> reads, Collection<SectionViolation> violations,
                     List<LiveStream.Event> alertEvents, String entryGantry, double distanceM) {
        Map<String, List<Committed>> byCamera = new HashMap<>();
        for (Committed c : reads) {
            byCamera.computeIfAbsent(c.read().getGantryId() + "/" + c.read().getCameraId(), k -> new ArrayList<>()).add(c);
        }
        java.util.Set<Committed> used = new java.util.HashSet<>();
        for (Sighting s : sightings) {
            Committed best = null;
            for (Committed c : byCamera.getOrDefault(s.gantryId() + "/" + s.cameraId(), List.of())) {
                long t = c.read().getCaptureTime().getEpochMicros();
                if (!used.contains(c) && t >= s.firstMicros() - SLACK_MICROS && t <= s.lastMicros() + SLACK_MICROS
                        && (best == null || c.read().getPlateText().equals(s.plate()))) {
                    best = c;
                }
            }
            if (best != null) {
                used.add(best);
            }
            matched.add(new Matched(s, best));
        }
        reads.stream().filter(c -> !used.contains(c)).forEach(unmatched::add);
        for (LiveStream.Event e : alertEvents) {
            alertsByRead.computeIfAbsent(e.data().path("readId").asText(), k -> new ArrayList<>()).add(e);
        }
        tripsOf(entryGantry, distanceM, violations);
    }

    private void tripsOf(String entryGantry, double distanceM, Collection<SectionViolation> violations) {
        Map<Integer, Sighting> entries = new LinkedHashMap<>();
        Map<Integer, Sighting> exits = new HashMap<>();
        for (Matched m : matched) {
            DemoVehicle v = m.sighting().vehicle();
            if (v.route() == DemoVehicle.Route.SECTION) {
                (m.sighting().gantryId().equals(entryGantry) ? entries : exits).put(v.id(), m.sighting());
            }
        }
        List<SectionViolation> left = new ArrayList<>(violations);
        for (Map.Entry<Integer, Sighting> e : entries.entrySet()) {
            Sighting exit = exits.get(e.getKey());
            if (exit == null) {
                continue; // still on the section
            }
            Sighting entry = e.getValue();
            double kmh = distanceM / ((exit.firstMicros() - entry.firstMicros()) / 1e6) * 3.6;
            List<SectionViolation> mine = new ArrayList<>();
            for (SectionViolation v : violations) {
                long in = v.getEntryRead().getCaptureTime().getEpochMicros();
                long out = v.getExitRead().getCaptureTime().getEpochMicros();
                if (within(in, entry) && within(out, exit) && v.getEntryRead().getGantryId().equals(entry.gantryId())) {
                    mine.add(v);
                    left.remove(v);
                }
            }
            trips.add(new SectionTrip(entry.vehicle(), entry, exit, kmh, mine));
        }
        strayViolations.addAll(left);
    }

    private static boolean within(long micros, Sighting s) {
        return micros >= s.firstMicros() - SLACK_MICROS && micros <= s.lastMicros() + SLACK_MICROS;
    }

    public List<Matched> matched() {
        return matched;
    }

    /** Reads at the centre that belong to no vehicle shown (spurious reads). */
    public List<Committed> unmatched() {
        return unmatched;
    }

    /** Section vehicles that passed both gantries. */
    public List<SectionTrip> trips() {
        return trips;
    }

    /** Violations that belong to no vehicle's trip. */
    public List<SectionViolation> strayViolations() {
        return strayViolations;
    }

    /** The live alert events of one read. */
    public List<LiveStream.Event> alertsOf(PlateRead read) {
        // the event names the read by its UUID text
        return alertsByRead.getOrDefault(org.anpr.protocol.ids.Uuid7.fromBytes(read.getReadId().toByteArray()).toString(), List.of());
    }

    /** The first alert event of one read on the live stream (the gantry's or the centre's, whichever came first). */
    public java.util.Optional<LiveStream.Event> firstAlert(PlateRead read) {
        return alertsOf(read).stream().min(java.util.Comparator.comparingLong(LiveStream.Event::arrivedMicros));
    }

    public long read() {
        return matched.stream().filter(m -> m.read() != null).count();
    }

    public long exact() {
        return matched.stream().filter(Matched::exact).count();
    }

    public static boolean enforceable(SectionViolation v) {
        return v.getOutcome() == ViolationOutcome.VIOLATION_OUTCOME_VIOLATION;
    }

    /** The p-th percentile (0..100) of {@code values}, in the same unit; NaN when empty. */
    public static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
