package org.anpr.edge.capture.synthetic;

/**
 * Ground truth of one synthetic vehicle passage.
 *
 * @param index         vehicle number, from 0
 * @param text          plate text (A–Z0–9)
 * @param country       country code of the plate
 * @param firstSequence sequence number of its first frame
 * @param frames        frames emitted so far showing it
 * @param firstMicros   capture time of its first frame, UTC micros
 * @param lastMicros    capture time of its last frame so far, UTC micros
 */
public record VehicleTruth(int index, String text, String country, long firstSequence, int frames, long firstMicros,
                           long lastMicros) {

    VehicleTruth plusFrame(long micros) {
        return new VehicleTruth(index, text, country, firstSequence, frames + 1, firstMicros, micros);
    }
}
