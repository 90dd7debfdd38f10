package org.anpr.bench.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.anpr.ocr.Alternative;
import org.anpr.ocr.RecognizerConfig;
import org.anpr.ocr.Region;
import org.anpr.ocr.ocr.OcrLine;
import org.anpr.ocr.ocr.OcrSymbol;
import org.anpr.ocr.ocr.OcrSymbol.Choice;
import org.anpr.ocr.syntax.SyntaxProfile;
import org.anpr.ocr.syntax.SyntaxRanker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The syntax stage alone: {@link SyntaxRanker#rank} of one OCR line against every pattern of the
 * region, top-N of the recogniser's default. The line is built like Tesseract's output for a plate
 * read with look-alike confusions: each symbol offers its character (p 0.80) and, where it has one,
 * a look-alike (p 0.12). {@code symbols} = 8 appends a spurious, unsure bar at the line end
 * ({@code I} 0.5 / {@code 1} 0.3, frame remains), which also exercises the one-drop search.
 * Pure Java, no native code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class SyntaxRankingBenchmark {
    /** Plate read per region, with confusions the syntax must undo. */
    private static final Map<String, String> READ = Map.of(
            "eu", "AB1Z3CD",   // FR/IT AB123CD with 2 read as Z
            "br", "8RAOS12",   // Mercosur BRA0S12 with B→8, 0→O
            "us", "7ABC123");
    private static final Map<Character, Character> ALIKE = Map.ofEntries(
            Map.entry('0', 'O'), Map.entry('O', '0'), Map.entry('D', '0'), Map.entry('1', 'I'),
            Map.entry('I', '1'), Map.entry('8', 'B'), Map.entry('B', '8'), Map.entry('5', 'S'),
            Map.entry('S', '5'), Map.entry('2', 'Z'), Map.entry('Z', '2'), Map.entry('6', 'G'),
            Map.entry('G', '6'), Map.entry('4', 'A'), Map.entry('A', '4'), Map.entry('7', 'T'),
            Map.entry('T', '7'), Map.entry('C', 'G'));

    @Param({"eu", "br", "us"})
    public String region;

    @Param({"7", "8"})
    public int symbols;

    private SyntaxRanker ranker;
    private OcrLine line;
    private int topN;

    @Setup
    public void setUp() {
        ranker = new SyntaxRanker(SyntaxProfile.load(Region.parse(region)));
        topN = RecognizerConfig.defaults().topN();
        String text = READ.get(region);
        List<OcrSymbol> s = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            List<Choice> choices = new ArrayList<>(List.of(new Choice(c, 0.80)));
            Character alike = ALIKE.get(c);
            if (alike != null) {
                choices.add(new Choice(alike, 0.12));
            }
            s.add(new OcrSymbol(choices, i * 40, i * 40 + 30));
        }
        if (symbols == text.length() + 1) {
            s.add(new OcrSymbol(List.of(new Choice('I', 0.5), new Choice('1', 0.3)), text.length() * 40,
                    text.length() * 40 + 6));
        } else if (symbols != text.length()) {
            throw new IllegalArgumentException("symbols: " + text.length() + " or " + (text.length() + 1));
        }
        line = new OcrLine(s);
        if (ranker.rank(line, topN).isEmpty()) {
            throw new IllegalStateException("no syntax fits the benchmark line " + line.text());
        }
    }

    @Benchmark
    public List<Alternative> rank() {
        return ranker.rank(line, topN);
    }
}
