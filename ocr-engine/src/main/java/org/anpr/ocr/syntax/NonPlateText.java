package org.anpr.ocr.syntax;

import java.util.ArrayList;
import java.util.List;
import org.anpr.ocr.PlateCandidate;

/**
 * Drops text that is almost certainly no plate: a candidate that fits no national syntax (only the
 * region's generic fallback, {@code EU-generic}) with a low score, in a frame where another
 * candidate does fit a national syntax — the {@code EXIT} of a road sign or a car maker's badge
 * beside a real plate. Alone in its frame such a candidate is kept: vanity and foreign plates fit
 * only the generic syntax too, and score as low (measured on the EU images: the generic reads kept
 * score 0.17-0.37, like the badges and signs dropped).
 */
public final class NonPlateText {
    /** A generic-syntax candidate beside a national one needs at least this score to be reported. */
    public static final double MIN_GENERIC_CONFIDENCE = 0.5;

    private NonPlateText() {
    }

    /** The candidates without the non-plate text; a new, mutable list. */
    public static List<PlateCandidate> drop(List<PlateCandidate> candidates, String regionCode) {
        boolean anyNational = candidates.stream().anyMatch(c -> !generic(c, regionCode));
        List<PlateCandidate> kept = new ArrayList<>(candidates.size());
        for (PlateCandidate c : candidates) {
            if (!anyNational || !generic(c, regionCode) || c.confidence() >= MIN_GENERIC_CONFIDENCE) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** Fits only the region's fallback syntax, whose country is the region code itself. */
    static boolean generic(PlateCandidate c, String regionCode) {
        return c.country() != null && c.country().equalsIgnoreCase(regionCode);
    }
}
