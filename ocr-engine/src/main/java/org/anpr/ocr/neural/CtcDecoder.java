package org.anpr.ocr.neural;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.anpr.ocr.ocr.OcrLine;
import org.anpr.ocr.ocr.OcrSymbol;

/**
 * Greedy (best-path) decoding of a CTC output: per column the most probable class; runs of the same
 * class collapse into one symbol, blanks separate symbols. Each symbol keeps the class distribution
 * of its surest column, so the syntax ranker can swap a character for its runner-up (O for 0).
 */
public final class CtcDecoder {
    /** Class 0 is the CTC blank; class i (1..n) is {@code alphabet.charAt(i - 1)}. */
    public static final int BLANK = 0;
    /** Choices kept per symbol. */
    static final int CHOICES = 3;
    /** Runner-up choices below this probability are noise, not alternatives. */
    static final double MIN_CHOICE = 0.01;

    private final String alphabet;

    public CtcDecoder(String alphabet) {
        this.alphabet = alphabet;
    }

    /**
     * @param probs  per column (time step), the probabilities of the {@code alphabet.length() + 1} classes
     * @param scaleX source pixels per column, for the symbols' extents
     */
    public OcrLine decode(float[][] probs, double scaleX) {
        int[] best = new int[probs.length];
        for (int t = 0; t < probs.length; t++) {
            best[t] = argmax(probs[t]);
        }
        List<OcrSymbol> symbols = new ArrayList<>();
        int t = 0;
        while (t < probs.length) {
            int cls = best[t];
            if (cls == BLANK) {
                t++;
                continue;
            }
            int start = t;
            int surest = t;
            while (t < probs.length && best[t] == cls) {
                if (probs[t][cls] > probs[surest][cls]) {
                    surest = t;
                }
                t++;
            }
            symbols.add(new OcrSymbol(choices(probs[surest]), (int) Math.round(start * scaleX), (int) Math.round(t * scaleX)));
        }
        return new OcrLine(symbols);
    }

    /**
     * The non-blank classes of one column, best first, with their probabilities as the network gave
     * them: not renormalised without the blank, so a symbol the network half took for a gap stays unsure.
     */
    private List<OcrSymbol.Choice> choices(float[] column) {
        List<OcrSymbol.Choice> all = new ArrayList<>(column.length - 1);
        for (int c = 1; c < column.length; c++) {
            all.add(new OcrSymbol.Choice(alphabet.charAt(c - 1), column[c]));
        }
        all.sort(Comparator.comparingDouble(OcrSymbol.Choice::p).reversed());
        List<OcrSymbol.Choice> kept = new ArrayList<>(CHOICES);
        for (OcrSymbol.Choice ch : all) {
            if (kept.isEmpty() || (kept.size() < CHOICES && ch.p() >= MIN_CHOICE)) {
                kept.add(ch);
            }
        }
        return kept;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
