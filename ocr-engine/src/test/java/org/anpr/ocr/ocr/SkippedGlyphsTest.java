package org.anpr.ocr.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anpr.ocr.binarize.BinarizedPlate;
import org.anpr.ocr.binarize.BinarizedPlate.Span;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class SkippedGlyphsTest {

    /** Reads every single glyph as 'W' and records the crop widths it was given. */
    static final class FakeReader implements CharacterReader {
        final List<Integer> singleWidths = new ArrayList<>();

        @Override
        public OcrLine read(Mat text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<OcrSymbol> readSingle(Mat glyph) {
            singleWidths.add(glyph.cols());
            return Optional.of(new OcrSymbol(List.of(new OcrSymbol.Choice('W', 0.9)), 0, glyph.cols()));
        }

        @Override
        public void close() {
        }
    }

    static OcrSymbol sym(char c, int x, int right) {
        return new OcrSymbol(List.of(new OcrSymbol.Choice(c, 0.95)), x, right);
    }

    @Test
    void skippedBarBecomesIOr1AndSkippedGlyphIsReadAlone() {
        try (PointerScope s = new PointerScope()) {
            Mat img = new Mat(60, 300, opencv_core.CV_8UC1, new Scalar(255));
            // Blobs: A, B, bar, C, wide glyph. The reader saw A, B (its box stretched over the bar) and C.
            BinarizedPlate plate = new BinarizedPlate(img, 5, 40, 0, List.of(new Span(10, 35), new Span(40, 65),
                    new Span(80, 86), new Span(100, 125), new Span(130, 160)));
            OcrLine line = new OcrLine(List.of(sym('A', 10, 35), sym('B', 40, 86), sym('C', 100, 125)));
            FakeReader reader = new FakeReader();
            OcrLine fixed = SkippedGlyphs.recover(line, plate, reader);
            assertEquals("ABICW", fixed.text());
            assertEquals(List.of('I', '1'), fixed.symbols().get(2).choices().stream().map(OcrSymbol.Choice::c).toList());
            assertEquals(1, reader.singleWidths.size(), "only the wide glyph is read alone");
            assertEquals(30 + 2 * 10, reader.singleWidths.get(0), "cut with a margin of a quarter height");
        }
    }

    @Test
    void aBarHuggingACharacterIsFrameNotText() {
        try (PointerScope s = new PointerScope()) {
            Mat img = new Mat(60, 300, opencv_core.CV_8UC1, new Scalar(255));
            BinarizedPlate plate = new BinarizedPlate(img, 4, 40, 0, List.of(new Span(10, 35), new Span(40, 65),
                    new Span(70, 95), new Span(98, 102)));
            OcrLine line = new OcrLine(List.of(sym('A', 10, 35), sym('B', 40, 65), sym('C', 70, 102)));
            assertEquals("ABC", SkippedGlyphs.recover(line, plate, new FakeReader()).text());
        }
    }

    @Test
    void nothingSkippedOrTooMuchSkippedLeavesTheLine() {
        try (PointerScope s = new PointerScope()) {
            Mat img = new Mat(60, 300, opencv_core.CV_8UC1, new Scalar(255));
            OcrLine line = new OcrLine(List.of(sym('A', 10, 35), sym('B', 40, 65)));
            BinarizedPlate same = new BinarizedPlate(img, 2, 40, 0, List.of(new Span(10, 35), new Span(40, 65)));
            assertSame(line, SkippedGlyphs.recover(line, same, new FakeReader()));
            BinarizedPlate many = new BinarizedPlate(img, 5, 40, 0, List.of(new Span(10, 35), new Span(40, 65),
                    new Span(100, 120), new Span(130, 150), new Span(160, 180)));
            assertSame(line, SkippedGlyphs.recover(line, many, new FakeReader()), "a failed reading is not patched up");
        }
    }
}
