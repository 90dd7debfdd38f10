package org.anpr.ocr.charclass;

import org.anpr.ocr.ocr.OcrLine;
import org.anpr.ocr.ocr.OcrSymbol;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plate crop glyph by glyph: {@link GlyphSegmenter} then {@link GlyphClassifier}. A second
 * opinion next to the line recogniser with a different failure profile: it rarely adds characters
 * (band, frame) or drops them, but substitutes within national fonts unlike its training fonts
 * (measured in {@code ocr-engine/training/README.md}). Not thread-safe; one per worker thread.
 */
public final class GlyphReader implements AutoCloseable {

    /** Text and the per-glyph guesses (boxes in the {@link GlyphSegmenter#HEIGHT}-px normalised plate). */
    public record Reading(String text, List<GlyphClassifier.Guess> guesses, List<int[]> boxes) {

        /**
         * As an OCR line for the syntax ranker: each glyph with its best and second-best class. The
         * x extents are in the normalised plate, which is the input's scale when the input is
         * {@link GlyphSegmenter#HEIGHT} px tall.
         */
        public OcrLine toLine() {
            List<OcrSymbol> symbols = new ArrayList<>(guesses.size());
            for (int i = 0; i < guesses.size(); i++) {
                GlyphClassifier.Guess g = guesses.get(i);
                List<OcrSymbol.Choice> choices = new ArrayList<>(2);
                choices.add(new OcrSymbol.Choice(g.best(), g.score()));
                if (g.second() != g.best()) {
                    choices.add(new OcrSymbol.Choice(g.second(), g.secondScore()));
                }
                int[] box = boxes.get(i);
                symbols.add(new OcrSymbol(choices, box[0], box[0] + box[2]));
            }
            return new OcrLine(symbols);
        }
    }

    private final GlyphSegmenter segmenter = new GlyphSegmenter();
    private final GlyphFeatures features = new GlyphFeatures();
    private final GlyphClassifier classifier;

    public GlyphReader(GlyphClassifier classifier) {
        this.classifier = classifier;
    }

    /** Minimum probability of a glyph at either end of the row; below it the blob is frame or band. */
    static final double END_SCORE = 0.5;

    /**
     * Reads an 8-bit grey plate crop. Both polarities are segmented and classified; the one whose glyphs
     * the classifier is surer of (mean best score, at least 3 glyphs) wins.
     */
    public Reading read(Mat grayCrop) {
        Reading dark = read(grayCrop, false);
        Reading light = read(grayCrop, true);
        boolean lightWins = light.guesses().size() >= 3
                && (dark.guesses().size() < 3 || meanScore(light) > meanScore(dark));
        return lightWins ? light : dark;
    }

    private Reading read(Mat grayCrop, boolean inverted) {
        try (GlyphSegmenter.Segmentation seg = segmenter.segment(grayCrop, inverted)) {
            List<GlyphClassifier.Guess> guesses = new ArrayList<>();
            List<int[]> boxes = new ArrayList<>(seg.boxes());
            double typical = GlyphFeatures.typicalWidth(boxes);
            for (int[] box : boxes) {
                guesses.add(classifier.classify(features.of(seg.gray(), box, inverted, typical)));
            }
            // unsure glyphs at the ends are frame pieces, band remains or screws
            while (guesses.size() > 2 && guesses.get(0).score() < END_SCORE) {
                guesses.remove(0);
                boxes.remove(0);
            }
            while (guesses.size() > 2 && guesses.get(guesses.size() - 1).score() < END_SCORE) {
                guesses.remove(guesses.size() - 1);
                boxes.remove(boxes.size() - 1);
            }
            StringBuilder text = new StringBuilder();
            guesses.forEach(g -> text.append(g.best()));
            return new Reading(text.toString(), guesses, boxes);
        }
    }

    private static double meanScore(Reading r) {
        return r.guesses().stream().mapToDouble(GlyphClassifier.Guess::score).average().orElse(-1);
    }

    @Override
    public void close() {
        features.close();
    }
}
