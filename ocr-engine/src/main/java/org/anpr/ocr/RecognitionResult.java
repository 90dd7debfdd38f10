package org.anpr.ocr;

import java.util.List;

/**
 * Everything one frame produced.
 *
 * @param candidates     plates, most confident first
 * @param detectedRegions how many regions the detector handed to the later stages
 * @param timings        per-stage wall-clock time
 * @param frameWidth     frame width in pixels
 * @param frameHeight    frame height in pixels
 */
public record RecognitionResult(List<PlateCandidate> candidates, int detectedRegions, StageTimings timings,
                                int frameWidth, int frameHeight) {
    public RecognitionResult {
        candidates = List.copyOf(candidates);
    }

    /** The most confident candidate, if any. */
    public java.util.Optional<PlateCandidate> best() {
        return candidates.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(candidates.get(0));
    }
}
