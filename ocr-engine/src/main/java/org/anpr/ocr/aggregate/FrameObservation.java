package org.anpr.ocr.aggregate;

import java.util.List;
import org.anpr.ocr.PlateCandidate;

/**
 * The candidates of one frame.
 *
 * @param lane        lane or camera id the frame belongs to; passages never cross lanes
 * @param timeMillis  capture time (any monotonic epoch, milliseconds)
 */
public record FrameObservation(String lane, long timeMillis, List<PlateCandidate> candidates) {
    public FrameObservation {
        candidates = List.copyOf(candidates);
    }
}
