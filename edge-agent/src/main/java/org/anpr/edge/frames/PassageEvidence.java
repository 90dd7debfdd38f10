package org.anpr.edge.frames;

import java.util.List;
import java.util.Optional;
import org.anpr.ocr.Alternative;
import org.anpr.ocr.Quad;

/**
 * One vehicle passage, with everything the agent needs for a protocol {@code PlateRead}.
 *
 * @param cameraId       camera of the frames
 * @param lane           lane of that camera
 * @param text           voted plate text (A–Z0–9)
 * @param confidence     combined confidence of the passage, 0–1
 * @param country        ISO 3166-1 alpha-2 country of the matched syntax; empty when only a
 *                       generic pattern matched
 * @param format         syntax pattern the text matched; empty when unknown
 * @param alternatives   other readings, best first (the voted text first)
 * @param quad           the plate's corners in the best frame, frame pixels
 * @param plateCrop      JPEG crop of the plate from the best frame
 * @param overview       JPEG of the best frame, when overview images are enabled
 * @param captureMicros  capture time of the best frame, UTC micros
 * @param firstSeenMicros first frame of the passage, UTC micros (millisecond resolution)
 * @param lastSeenMicros  last frame of the passage, UTC micros (millisecond resolution)
 * @param frames         frames that read this vehicle
 */
public record PassageEvidence(String cameraId, int lane, String text, double confidence, String country, String format,
                              List<Alternative> alternatives, Quad quad, EncodedImage plateCrop,
                              Optional<EncodedImage> overview, long captureMicros, long firstSeenMicros,
                              long lastSeenMicros, int frames) {
    public PassageEvidence {
        alternatives = List.copyOf(alternatives);
    }
}
