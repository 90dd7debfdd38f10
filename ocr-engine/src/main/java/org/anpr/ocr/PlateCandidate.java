package org.anpr.ocr;

import java.util.List;

/**
 * A plate found in a frame.
 *
 * @param text         best normalised text
 * @param confidence   0-1
 * @param country      country of the best text's syntax (generic fallback: the region code)
 * @param format       name of the syntax the best text matched, e.g. {@code ES-2000}
 * @param alternatives top-N readings, best first (the first equals {@code text})
 * @param quad         the plate's quadrilateral in frame pixels
 * @param detectionScore detector's score for the region, 0-1
 */
public record PlateCandidate(String text, double confidence, String country, String format,
                             List<Alternative> alternatives, Quad quad, double detectionScore) {
    public PlateCandidate {
        alternatives = List.copyOf(alternatives);
    }
}
