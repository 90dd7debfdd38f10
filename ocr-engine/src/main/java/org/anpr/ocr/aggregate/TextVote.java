package org.anpr.ocr.aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anpr.ocr.PlateCandidate;

/**
 * Confidence-weighted voting over the reads of one passage: first the text length, then each
 * character position among the reads of that length.
 */
final class TextVote {

    /**
     * @param agreement mean share of the vote the winning character got per position, 0-1
     */
    record Result(String text, double confidence, double agreement) {
    }

    private TextVote() {
    }

    static Result vote(List<PlateCandidate> reads) {
        Map<Integer, Double> byLength = new HashMap<>();
        for (PlateCandidate c : reads) {
            byLength.merge(c.text().length(), weight(c), Double::sum);
        }
        int len = byLength.entrySet().stream().max(Map.Entry.<Integer, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        StringBuilder text = new StringBuilder(len);
        double agreement = 0;
        for (int i = 0; i < len; i++) {
            Map<Character, Double> votes = new HashMap<>();
            double total = 0;
            for (PlateCandidate c : reads) {
                if (c.text().length() == len) {
                    votes.merge(c.text().charAt(i), weight(c), Double::sum);
                    total += weight(c);
                }
            }
            Map.Entry<Character, Double> win = votes.entrySet().stream().max(Map.Entry.<Character, Double>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).orElseThrow();
            text.append(win.getKey());
            agreement += win.getValue() / total;
        }
        agreement = len == 0 ? 0 : agreement / len;
        String voted = text.toString();
        // Frames reading exactly the voted text are independent evidence: combine them noisy-OR.
        double missAll = 1;
        for (PlateCandidate c : reads) {
            if (c.text().equals(voted)) {
                missAll *= 1 - c.confidence();
            }
        }
        double support = missAll < 1 ? 1 - missAll
                : reads.stream().mapToDouble(PlateCandidate::confidence).average().orElse(0);
        return new Result(voted, Math.min(1, agreement * support), agreement);
    }

    private static double weight(PlateCandidate c) {
        return Math.max(1e-3, c.confidence());
    }
}
