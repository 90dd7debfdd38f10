package org.anpr.ocr.synth;

/**
 * A sampled plate number.
 *
 * @param text    ground truth: upper case A–Z0–9, no separators
 * @param display what is printed on the plate, with the national separators and spacing
 * @param country country code, see {@link PlateSyntaxSample#countries}
 */
public record PlateText(String text, String display, String country) {

    public PlateText {
        if (!text.matches("[A-Z0-9]+")) {
            throw new IllegalArgumentException("plate text must be A-Z0-9 only: " + text);
        }
    }
}
