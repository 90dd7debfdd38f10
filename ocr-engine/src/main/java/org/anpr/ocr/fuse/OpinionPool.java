package org.anpr.ocr.fuse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anpr.ocr.Alternative;

/**
 * Combines the syntax-ranked readings of several independent character readers (the generic
 * Tesseract model, the plate-trained model, the glyph classifier) into one ranking, in two votes:
 *
 * <ol>
 *   <li><b>Length.</b> Each reader votes for every plate length with the score of its best reading
 *       of that length; the votes are averaged over the readers.</li>
 *   <li><b>Text.</b> A reading's score is the mean of its score over all readers (a reader that did
 *       not propose it contributes 0), times its length's vote relative to the winning length.</li>
 * </ol>
 *
 * So a plate that two readers agree on outranks a slightly surer reading of one reader alone, and
 * the readers' different failure modes (band letters, dropped glyphs, national fonts) rarely
 * coincide. The length vote exists because the syntax ranker lets each reader drop one symbol: when
 * the readers agree on seven characters but not on the last one, the six-character reading without
 * it would otherwise collect a vote from every reader and win. Equal weights on purpose: nothing
 * here is fitted to a data set.
 */
public final class OpinionPool {

    private OpinionPool() {
    }

    /**
     * @param opinions one ranked list per reader (scores 0-1); an empty list is a reader that read
     *                 nothing and still counts in the means
     * @param n        how many pooled readings to keep
     * @return the top {@code n} pooled readings, best first; country and format are those of the
     *         reader that scored the text highest
     */
    public static List<Alternative> pool(List<List<Alternative>> opinions, int n) {
        if (opinions.isEmpty()) {
            return List.of();
        }
        int readers = opinions.size();
        Map<String, Double> textVotes = new LinkedHashMap<>();
        Map<String, Alternative> strongest = new HashMap<>();
        Map<Integer, Double> lengthVotes = new HashMap<>();
        for (List<Alternative> opinion : opinions) {
            Map<String, Alternative> once = new LinkedHashMap<>(); // a reader votes once per text
            for (Alternative a : opinion) {
                once.merge(a.text(), a, (x, y) -> x.score() >= y.score() ? x : y);
            }
            Map<Integer, Double> bestOfLength = new HashMap<>();
            for (Alternative a : once.values()) {
                textVotes.merge(a.text(), a.score() / readers, Double::sum);
                strongest.merge(a.text(), a, (x, y) -> x.score() >= y.score() ? x : y);
                bestOfLength.merge(a.text().length(), a.score(), Math::max);
            }
            bestOfLength.forEach((len, s) -> lengthVotes.merge(len, s / readers, Double::sum));
        }
        double winner = lengthVotes.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Alternative> out = new ArrayList<>(textVotes.size());
        for (Map.Entry<String, Double> e : textVotes.entrySet()) {
            Alternative a = strongest.get(e.getKey());
            double lengthShare = winner > 0 ? lengthVotes.get(a.text().length()) / winner : 0;
            out.add(new Alternative(a.text(), e.getValue() * lengthShare, a.country(), a.format()));
        }
        out.sort(Comparator.comparingDouble(Alternative::score).reversed().thenComparing(Alternative::text));
        return out.subList(0, Math.min(n, out.size()));
    }
}
