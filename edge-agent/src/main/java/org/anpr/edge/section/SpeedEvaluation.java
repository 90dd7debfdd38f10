package org.anpr.edge.section;

import org.anpr.protocol.v1.CaptureTime;
import org.anpr.protocol.v1.ClockSync;
import org.anpr.protocol.v1.PlateRead;

/**
 * The average speed of one vehicle over a section, computed conservatively: the shortest
 * plausible distance over the longest plausible time, minus the margin.
 *
 * @param nominalElapsedMicros      exit time minus entry time
 * @param conservativeElapsedMicros nominal plus both clocks' estimated errors
 * @param measuredKmh               distance / nominal time
 * @param conservativeKmh           (distance - uncertainty) / conservative time
 * @param marginKmh                 margin of the section's rule at the conservative speed
 * @param enforcedKmh               conservative speed minus margin
 * @param speeding                  enforced speed above the limit
 * @param notEnforceableReason      why a speeding vehicle cannot be fined, or null when it can
 */
public record SpeedEvaluation(
        long nominalElapsedMicros,
        long conservativeElapsedMicros,
        double measuredKmh,
        double conservativeKmh,
        double marginKmh,
        double enforcedKmh,
        boolean speeding,
        String notEnforceableReason) {

    /** Null when the exit is not after the entry (not the same trip). */
    public static SpeedEvaluation of(SectionDefinition section, SectionSettings settings, PlateRead entry, PlateRead exit) {
        CaptureTime in = entry.getCaptureTime();
        CaptureTime out = exit.getCaptureTime();
        long elapsed = out.getEpochMicros() - in.getEpochMicros();
        if (elapsed <= 0) {
            return null;
        }
        long conservative = elapsed + in.getEstErrorMicros() + out.getEstErrorMicros();
        double measured = kmh(section.distanceM(), elapsed);
        double slow = kmh(section.distanceM() - section.distanceUncertaintyM(), conservative);
        double margin = section.margin().marginKmh(slow);
        double enforced = slow - margin;
        return new SpeedEvaluation(elapsed, conservative, measured, slow, margin, enforced,
                enforced > section.speedLimitKmh(), reason(settings, entry, exit));
    }

    private static double kmh(double metres, long micros) {
        return metres / (micros / 1e6) * 3.6;
    }

    private static String reason(SectionSettings settings, PlateRead entry, PlateRead exit) {
        String clock = clockProblem("entry", entry.getCaptureTime(), settings);
        if (clock == null) {
            clock = clockProblem("exit", exit.getCaptureTime(), settings);
        }
        if (clock != null) {
            return clock;
        }
        if (entry.getConfidence() < settings.minConfidence()) {
            return "entry read confidence " + entry.getConfidence() + " is below " + settings.minConfidence();
        }
        if (exit.getConfidence() < settings.minConfidence()) {
            return "exit read confidence " + exit.getConfidence() + " is below " + settings.minConfidence();
        }
        return null;
    }

    private static String clockProblem(String side, CaptureTime t, SectionSettings settings) {
        if (t.getSync() != ClockSync.CLOCK_SYNC_SYNCHRONISED) {
            return side + " clock was " + t.getSync() + ", not synchronised";
        }
        if (t.getEstErrorMicros() > settings.clockBoundMicros()) {
            return side + " clock error " + t.getEstErrorMicros() + " us exceeds the bound of " + settings.clockBoundMicros() + " us";
        }
        return null;
    }
}
