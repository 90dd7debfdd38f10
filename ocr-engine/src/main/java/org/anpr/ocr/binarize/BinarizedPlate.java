package org.anpr.ocr.binarize;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Clean character image for OCR.
 *
 * @param text       8-bit single channel, dark (grey-level) characters on white, only character-shaped blobs
 * @param charCount  number of character blobs kept
 * @param charHeight median character height in pixels
 * @param bandCut    columns removed at the left for a blue country band (0 if none)
 * @param spans      horizontal extent of every kept character blob in {@code text}, left to right
 */
public record BinarizedPlate(Mat text, int charCount, int charHeight, int bandCut, java.util.List<Span> spans) {

    /** Columns [left, right) of one character blob. */
    public record Span(int left, int right) {
    }

    public BinarizedPlate {
        spans = java.util.List.copyOf(spans);
    }
}
