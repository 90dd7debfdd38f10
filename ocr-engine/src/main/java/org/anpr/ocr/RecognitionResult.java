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
 * @param thumbnail      the frame as a {@value SceneThumbnail#SIDE}x{@value SceneThumbnail#SIDE} grey image
 *                       ({@link SceneThumbnail}): what tells consecutive frames of one scene from a cut
 */
public record RecognitionResult(List<PlateCandidate> candidates, int detectedRegions, StageTimings timings,
                                int frameWidth, int frameHeight, byte[] thumbnail) {
    public RecognitionResult {
        candidates = List.copyOf(candidates);
    }

    /** The most confident candidate, if any. */
    public java.util.Optional<PlateCandidate> best() {
        return candidates.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(candidates.get(0));
    }
}
