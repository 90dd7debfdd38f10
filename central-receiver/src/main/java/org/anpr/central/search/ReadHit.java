package org.anpr.central.search;

import java.util.Arrays;
import org.anpr.protocol.ids.Uuid7;

/**
 * One search result: a read's indexed columns and whether it has images, without the images
 * themselves (a page of 1,000 hits stays small); {@link ReadSearch#find} gives the whole read.
 */
public record ReadHit(byte[] readId, String gantryId, String cameraId, int lane, long captureMicros, String plateText,
                      String country, float confidence, long receivedMicros, boolean hasCrop, boolean hasOverview) {
    public ReadHit {
        readId = readId.clone();
    }

    @Override
    public byte[] readId() {
        return readId.clone();
    }

    /** The cursor to ask for the hits after this one. */
    public Cursor cursor() {
        return new Cursor(captureMicros, readId);
    }

    /** The read id in its usual text form. */
    public String readIdText() {
        return Uuid7.fromBytes(readId).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadHit h && Arrays.equals(h.readId, readId) && h.captureMicros == captureMicros
                && h.lane == lane && h.gantryId.equals(gantryId) && h.cameraId.equals(cameraId) && h.plateText.equals(plateText)
                && h.country.equals(country) && Float.compare(h.confidence, confidence) == 0 && h.receivedMicros == receivedMicros
                && h.hasCrop == hasCrop && h.hasOverview == hasOverview;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(readId);
    }

    @Override
    public String toString() {
        return "ReadHit[" + readIdText() + " " + plateText + " at " + gantryId + "/" + cameraId + " lane " + lane + ", "
                + captureMicros + "]";
    }
}
