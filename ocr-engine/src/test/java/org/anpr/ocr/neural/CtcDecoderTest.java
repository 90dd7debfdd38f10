package org.anpr.ocr.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anpr.ocr.ocr.OcrLine;
import org.anpr.ocr.ocr.OcrSymbol;
import org.junit.jupiter.api.Test;

class CtcDecoderTest {
    private static final String ALPHABET = "0AB";
    private final CtcDecoder decoder = new CtcDecoder(ALPHABET);

    /** One column: probability {@code p} on class {@code cls}, the rest spread evenly. */
    private static float[] column(int cls, double p) {
        float[] c = new float[ALPHABET.length() + 1];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) ((1 - p) / (c.length - 1));
        }
        c[cls] = (float) p;
        return c;
    }

    @Test
    void runsCollapseAndBlanksSeparateRepeats() {
        // A A _ A B B _ _ 0  ->  "AAB0": the blank keeps the two A's apart, runs collapse
        float[][] probs = {column(2, .9), column(2, .8), column(0, .9), column(2, .7), column(3, .6), column(3, .9),
                column(0, .9), column(0, .9), column(1, .95)};
        OcrLine line = decoder.decode(probs, 4);
        assertEquals("AAB0", line.text());
        OcrSymbol b = line.symbols().get(2);
        assertEquals(0.9, b.best().p(), 1e-6, "a symbol keeps its surest column's probability");
        assertEquals(16, b.x());
        assertEquals(24, b.right());
    }

    @Test
    void allBlankReadsNothing() {
        float[][] probs = {column(0, .99), column(0, .6)};
        assertTrue(decoder.decode(probs, 1).symbols().isEmpty());
    }

    @Test
    void runnerUpIsOfferedWithoutTheBlank() {
        float[] c = {0.30f, 0.25f, 0.40f, 0.05f}; // blank .30, '0' .25, 'A' .40, 'B' .05
        OcrSymbol s = decoder.decode(new float[][] {c}, 1).symbols().get(0);
        assertEquals('A', s.best().c());
        assertEquals(0.40, s.best().p(), 1e-6);
        assertEquals('0', s.choices().get(1).c());
        assertEquals(0.25, s.p('0'), 1e-6);
        assertEquals(3, s.choices().size());
    }
}
