package org.anpr.ocr.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.anpr.ocr.binarize.BinarizedPlate;
import org.anpr.ocr.binarize.BinarizedPlate.Span;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Recovers characters the line reading skipped. Line models tend to drop a lone narrow glyph
 * (a final "I" or "1") although binarisation found its blob. A skipped blob that is a bare
 * vertical bar can only be I or 1: both are offered and the plate syntax picks by position.
 * Any other skipped blob is cut out and read on its own.
 */
public final class SkippedGlyphs {
    private static final int MAX_RECOVERED = 2;
    /** Narrower than this fraction of the character height: a bar (I or 1). */
    private static final double BAR_WIDTH = 0.35;
    private static final double BAR_PROBABILITY = 0.5;

    private SkippedGlyphs() {
    }

    public static OcrLine recover(OcrLine line, BinarizedPlate plate, CharacterReader reader) {
        List<Span> missed = new ArrayList<>();
        for (Span s : plate.spans()) {
            if (line.symbols().stream().noneMatch(sym -> centredIn(sym, s))) {
                missed.add(s);
            }
        }
        if (missed.isEmpty() || missed.size() > MAX_RECOVERED || line.symbols().isEmpty()) {
            return line; // nothing skipped, or the line reading failed as a whole
        }
        List<OcrSymbol> symbols = new ArrayList<>(line.symbols());
        Mat img = plate.text();
        int margin = Math.max(3, plate.charHeight() / 4);
        double medianGap = medianGap(plate.spans());
        for (Span s : missed) {
            if (s.right() - s.left() < BAR_WIDTH * plate.charHeight()) {
                // An I or 1 sits centred in a character cell, so its gaps are wide; a thin bar
                // hugging a character is a remnant of the frame or a hyphen, not text.
                if (nearestGap(plate.spans(), s) >= medianGap) {
                    symbols.add(new OcrSymbol(List.of(new OcrSymbol.Choice('I', BAR_PROBABILITY),
                            new OcrSymbol.Choice('1', BAR_PROBABILITY)), s.left(), s.right()));
                }
                continue;
            }
            int left = Math.max(0, s.left() - margin), right = Math.min(img.cols(), s.right() + margin);
            Optional<OcrSymbol> read = reader.readSingle(img.apply(new Rect(left, 0, right - left, img.rows())));
            read.ifPresent(sym -> symbols.add(new OcrSymbol(sym.choices(), s.left(), s.right())));
        }
        symbols.sort(Comparator.comparingInt(OcrSymbol::x));
        return new OcrLine(symbols);
    }

    private static double medianGap(List<Span> spans) {
        double[] gaps = new double[Math.max(0, spans.size() - 1)];
        for (int i = 1; i < spans.size(); i++) {
            gaps[i - 1] = spans.get(i).left() - spans.get(i - 1).right();
        }
        java.util.Arrays.sort(gaps);
        return gaps.length == 0 ? 0 : gaps[gaps.length / 2];
    }

    /** Smallest distance from {@code s} to another span. */
    private static double nearestGap(List<Span> spans, Span s) {
        double best = Double.MAX_VALUE;
        for (Span o : spans) {
            if (o != s) {
                best = Math.min(best, o.left() >= s.right() ? o.left() - s.right() : s.left() - o.right());
            }
        }
        return best;
    }

    /**
     * True when the symbol's centre lies on the span. (Not mere overlap: the line reader stretches
     * the box of the symbol before a skipped glyph over that glyph.)
     */
    private static boolean centredIn(OcrSymbol sym, Span s) {
        double centre = (sym.x() + Math.max(sym.right(), sym.x())) / 2.0;
        return centre >= s.left() - 2 && centre <= s.right() + 2;
    }
}
