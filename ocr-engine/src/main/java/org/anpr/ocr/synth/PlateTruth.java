package org.anpr.ocr.synth;

import org.anpr.ocr.BoundingBox;
import org.anpr.ocr.Quad;

/**
 * Ground truth of one plate in a generated scene.
 *
 * @param text    plate text, A–Z0–9 without separators
 * @param display the text as printed, with separators
 * @param country country code
 * @param quad    the plate's corners in frame pixels (TL, TR, BR, BL)
 * @param box     axis-aligned bounding box of {@code quad}
 */
public record PlateTruth(String text, String display, String country, Quad quad, BoundingBox box) {
}
