package org.anpr.ocr.detect;

import org.anpr.ocr.Quad;

/**
 * A region that may hold a plate.
 *
 * @param quad   corners in full-frame pixels (TL, TR, BR, BL)
 * @param score  0-1, higher is more plate-like
 * @param source which detector(s) proposed it
 */
public record PlateRegion(Quad quad, double score, String source) {

    public PlateRegion withScore(double s, String src) {
        return new PlateRegion(quad, s, src);
    }
}
