package org.anpr.ocr.ocr;

import java.util.List;

/**
 * One recognised character position with its alternatives.
 *
 * @param choices best first; probabilities 0-1
 * @param x       left edge in the OCR image, pixels (keeps reading order)
 * @param right   right edge in the OCR image, pixels
 */
public record OcrSymbol(List<Choice> choices, int x, int right) {

    /** A character and its probability. */
    public record Choice(char c, double p) {
    }

    public OcrSymbol {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("a symbol needs at least one choice");
        }
    }

    /** A symbol whose extent is unknown beyond its left edge. */
    public OcrSymbol(List<Choice> choices, int x) {
        this(choices, x, x);
    }

    public Choice best() {
        return choices.get(0);
    }

    /** Probability of {@code c} among the choices; 0 when Tesseract did not offer it. */
    public double p(char c) {
        for (Choice ch : choices) {
            if (ch.c() == c) {
                return ch.p();
            }
        }
        return 0;
    }
}
