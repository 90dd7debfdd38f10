package org.anpr.ocr.aggregate;

import java.util.List;
import org.anpr.ocr.PlateCandidate;

/**
 * The candidates of one frame.
 *
 * @param lane        lane or camera id the frame belongs to; passages never cross lanes
 * @param timeMillis  capture time (any monotonic epoch, milliseconds)
 * @param thumbnail   the frame's {@link org.anpr.ocr.SceneThumbnail}, or null when unknown
 */
public record FrameObservation(String lane, long timeMillis, List<PlateCandidate> candidates, byte[] thumbnail) {
    public FrameObservation {
        candidates = List.copyOf(candidates);
    }

    /** Without a thumbnail: no scene cut can be seen. */
    public FrameObservation(String lane, long timeMillis, List<PlateCandidate> candidates) {
        this(lane, timeMillis, candidates, null);
    }
}
