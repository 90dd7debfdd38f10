package org.anpr.ocr.ocr;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Stage 4: OCR of a cleaned plate image. Implementations own native state and are used by one
 * thread at a time (the recognizer keeps one per worker context).
 */
public interface CharacterReader extends AutoCloseable {

    /** @param text 8-bit single channel, dark characters on white */
    OcrLine read(Mat text);

    /**
     * Reads one isolated character (used for glyphs the line reading skipped); empty when the
     * reader sees none or more than one.
     */
    default java.util.Optional<OcrSymbol> readSingle(Mat glyph) {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
