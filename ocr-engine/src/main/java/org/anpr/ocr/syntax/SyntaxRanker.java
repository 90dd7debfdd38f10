package org.anpr.ocr.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anpr.ocr.Alternative;
import org.anpr.ocr.ocr.OcrLine;
import org.anpr.ocr.ocr.OcrSymbol;

/**
 * Stage 5: post-processing by plate syntax. For every pattern of a fitting length it searches
 * (beam) the per-symbol OCR alternatives for the best strings the pattern allows; a character the
 * position forbids may be swapped for its look-alike ({@link Confusables}) at a penalty that grows
 * with the OCR's confidence in what it read, and one
 * spurious symbol (at an end of the line, or unsure) may be dropped at a penalty. Score = geometric mean of the character
 * probabilities x pattern prior x penalties, so national syntaxes win over the generic fallback
 * only when they need few corrections.
 */
public final class SyntaxRanker {
    static final double DROP_PENALTY = 0.6;

    private final SyntaxProfile profile;

    public SyntaxRanker(SyntaxProfile profile) {
        this.profile = profile;
    }

    /** Top {@code n} readings, best first; empty when no pattern can be fitted. */
    public List<Alternative> rank(OcrLine line, int n) {
        Map<String, Alternative> best = new HashMap<>();
        List<OcrSymbol> symbols = line.symbols();
        // Options of a symbol depend only on the position's class: computed once per (symbol, class).
        List<Map<String, Option[]>> cache = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            cache.add(new HashMap<>());
        }
        // Several countries share a class sequence (@@###@@: FR, IT, SK, PL): search it once.
        Map<List<String>, List<List<Partial>>> searched = new HashMap<>();
        for (PlatePattern p : profile.patterns()) {
            int drops = symbols.size() - p.length();
            if (drops < 0 || drops > 1) {
                continue;
            }
            List<List<Partial>> beams = searched.computeIfAbsent(p.classes(), c -> beams(symbols, cache, p, n));
            for (List<Partial> beam : beams) {
                for (Partial r : beam) {
                    double score = Math.pow(r.prob, 1.0 / p.length()) * p.prior() * r.penalty
                            * Math.pow(DROP_PENALTY, drops);
                    String text = new String(r.text);
                    Alternative alt = new Alternative(text, score, p.country(), p.name());
                    best.merge(text, alt, (a, b) -> a.score() >= b.score() ? a : b);
                }
            }
        }
        List<Alternative> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Alternative::score).reversed().thenComparing(Alternative::text));
        return out.subList(0, Math.min(n, out.size()));
    }

    /** The beams of {@code p} for every allowed dropped symbol (or none when the lengths match). */
    private static List<List<Partial>> beams(List<OcrSymbol> symbols, List<Map<String, Option[]>> cache,
                                             PlatePattern p, int n) {
        int drops = symbols.size() - p.length();
        if (drops == 0) {
            return List.of(beam(symbols, cache, -1, p, n));
        }
        List<List<Partial>> out = new ArrayList<>();
        for (int skip = 0; skip < symbols.size(); skip++) {
            if (droppable(symbols, skip)) {
                out.add(beam(symbols, cache, skip, p, n));
            }
        }
        return out;
    }

    /**
     * Spurious symbols come from frame or band remains at the ends of the line, or are unsure;
     * trying only those keeps the search small.
     */
    private static boolean droppable(List<OcrSymbol> symbols, int i) {
        return i == 0 || i == symbols.size() - 1 || symbols.get(i).best().p() < 0.7;
    }

    /**
     * Cost of reading {@code c}'s look-alike instead of a character read with probability
     * {@code p}: the surer the OCR was, the less likely the swap (0.65 at p=1, 0.95 at p=0).
     */
    static double swapPenalty(double p) {
        return 0.95 - 0.3 * p;
    }

    /** @param penalty 1 for a character the OCR offered, {@link #swapPenalty} for a look-alike */
    private record Option(char c, double p, double penalty) {
    }

    /** @param key prob x penalties, precomputed because beams sort on it */
    private record Partial(char[] text, double prob, double penalty, double key) {
        Partial(char[] text, double prob, double penalty) {
            this(text, prob, penalty, prob * penalty);
        }
    }

    /** Beam over the symbols except {@code skip} (-1: none), keeping 2n partial strings. */
    private static List<Partial> beam(List<OcrSymbol> symbols, List<Map<String, Option[]>> cache, int skip,
                                      PlatePattern p, int width) {
        List<Partial> beam = List.of(new Partial(new char[0], 1.0, 1.0));
        int pos = 0;
        for (int i = 0; i < symbols.size(); i++) {
            if (i == skip) {
                continue;
            }
            String cls = p.classes().get(pos);
            OcrSymbol sym = symbols.get(i);
            Option[] opts = cache.get(i).computeIfAbsent(cls, c -> options(sym, c));
            if (opts.length == 0) {
                return List.of();
            }
            List<Partial> next = new ArrayList<>(beam.size() * opts.length);
            for (Partial partial : beam) {
                for (Option o : opts) {
                    char[] t = java.util.Arrays.copyOf(partial.text, pos + 1);
                    t[pos] = o.c;
                    next.add(new Partial(t, partial.prob * o.p, partial.penalty * o.penalty));
                }
            }
            next.sort(Comparator.comparingDouble(Partial::key).reversed());
            beam = next.size() > 2 * width ? next.subList(0, 2 * width) : next;
            pos++;
        }
        return beam;
    }

    /** Characters of class {@code cls} offered by the OCR choices or as look-alikes of them. */
    private static Option[] options(OcrSymbol s, String cls) {
        List<Option> out = new ArrayList<>(4);
        StringBuilder seen = new StringBuilder();
        for (OcrSymbol.Choice ch : s.choices()) {
            if (cls.indexOf(ch.c()) >= 0) {
                out.add(new Option(ch.c(), ch.p(), 1.0));
                seen.append(ch.c());
            }
        }
        for (OcrSymbol.Choice ch : s.choices()) {
            for (char alike : Confusables.of(ch.c()).toCharArray()) {
                if (cls.indexOf(alike) >= 0 && seen.indexOf(String.valueOf(alike)) < 0) {
                    out.add(new Option(alike, ch.p(), swapPenalty(ch.p())));
                    seen.append(alike);
                }
            }
        }
        return out.toArray(new Option[0]);
    }
}
