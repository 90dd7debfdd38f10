package org.anpr.ocr.detect;

import org.anpr.ocr.Quad;

/** Small geometry helpers shared by the proposers. */
final class Boxes {
    private Boxes() {
    }

    /** An axis-aligned rectangle as a quad. */
    static Quad rect(double x, double y, double w, double h) {
        return Quad.of(new double[] {x, x + w, x + w, x}, new double[] {y, y, y + h, y + h});
    }

    /** A rectangle of size w x h centred on (cx, cy), rotated by {@code angleRad}: width along the text. */
    static Quad rotated(double cx, double cy, double w, double h, double angleRad) {
        return rect(cx - w / 2, cy - h / 2, w, h).rotated(angleRad);
    }
}
