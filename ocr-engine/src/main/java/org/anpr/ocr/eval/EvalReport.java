package org.anpr.ocr.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anpr.ocr.syntax.EditDistance;

/**
 * Aggregate figures of an evaluation run, as printed and as written to JSON. Images that could not
 * be read (not an image, corrupt, too large) are counted apart as {@code unreadable}, with their
 * reason, and left out of every rate: they say nothing about recognition.
 */
public record EvalReport(String region, int threads, String readers, List<ImageOutcome> outcomes) {
    /** Confidence thresholds the calibration figures are given at. */
    public static final double[] THRESHOLDS = {0.5, 0.7, 0.9};

    public int images() {
        return outcomes.size();
    }

    public int unreadable() {
        return (int) outcomes.stream().filter(ImageOutcome::unreadable).count();
    }

    /** Reads of something that is no labelled plate (a sign, a sticker), over the readable images. */
    public int spuriousReads() {
        return scored().stream().mapToInt(o -> o.spurious().size()).sum();
    }

    /** The outcomes the rates are over: every image that could be read. */
    private List<ImageOutcome> scored() {
        return outcomes.stream().filter(o -> !o.unreadable()).toList();
    }

    public double detectionRecall() {
        return rate(o -> o.detected());
    }

    public double exactTop1() {
        return rate(ImageOutcome::exact);
    }

    public double exactTopN() {
        return rate(ImageOutcome::inTopN);
    }

    /** Correct characters over expected characters: max(0, |expected| - edit distance) summed. */
    public double charAccuracy() {
        long ok = 0, total = 0;
        for (ImageOutcome o : scored()) {
            total += o.expected().length();
            ok += Math.max(0, o.expected().length() - EditDistance.between(o.read(), o.expected()));
        }
        return total == 0 ? 0 : ok / (double) total;
    }

    /** Share of the readable images whose best read has at least {@code threshold} confidence. */
    public double coverageAt(double threshold) {
        return rate(o -> sure(o, threshold));
    }

    /** The image's best read exists and has at least {@code threshold} confidence. */
    private static boolean sure(ImageOutcome o, double threshold) {
        return !o.read().isEmpty() && o.confidence() >= threshold;
    }

    /**
     * Of the best reads with at least {@code threshold} confidence, the share that is exactly the
     * label: what an alert at that threshold would be right about. NaN when no read is that sure.
     */
    public double precisionAt(double threshold) {
        List<ImageOutcome> sure = scored().stream().filter(o -> sure(o, threshold)).toList();
        return sure.isEmpty() ? Double.NaN : sure.stream().filter(ImageOutcome::exact).count() / (double) sure.size();
    }

    /** Reads where no plate is labelled with at least {@code threshold} confidence. */
    public int nonPlateReadsAt(double threshold) {
        return (int) scored().stream().flatMap(o -> o.spurious().stream()).filter(r -> r.confidence() >= threshold).count();
    }

    /**
     * Per country the syntax ranker gave the best read ({@code none}: nothing read): images, exact
     * reads and their share. The labels carry no country, so this is by the country read.
     */
    public Map<String, Map<String, Object>> perCountry() {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        for (ImageOutcome o : scored()) {
            String c = o.read().isEmpty() || o.country().isEmpty() ? "none" : o.country();
            Map<String, Object> m = out.computeIfAbsent(c, k -> new LinkedHashMap<>(Map.of("images", 0, "exact", 0)));
            m.put("images", (int) m.get("images") + 1);
            m.put("exact", (int) m.get("exact") + (o.exact() ? 1 : 0));
        }
        out.values().forEach(m -> m.put("exact_share", round((int) m.get("exact") / (double) (int) m.get("images"))));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * The figure per threshold, keyed "0.5", "0.7", "0.9"; a rate is rounded and NaN becomes null
     * (JSON has no NaN), a count stays whole.
     */
    private static Map<String, Object> atThresholds(java.util.function.DoubleFunction<Number> f) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (double t : THRESHOLDS) {
            Number v = f.apply(t);
            m.put(String.valueOf(t), v instanceof Double d ? (Double.isNaN(d) ? null : round(d)) : v);
        }
        return m;
    }

    /** Nearest-rank percentile of the per-image latency. */
    public double msPercentile(double q) {
        double[] ms = scored().stream().mapToDouble(ImageOutcome::ms).toArray();
        if (ms.length == 0) {
            return 0;
        }
        Arrays.sort(ms);
        int idx = (int) Math.ceil(q * ms.length) - 1;
        return ms[Math.max(0, Math.min(ms.length - 1, idx))];
    }

    private double rate(java.util.function.Predicate<ImageOutcome> p) {
        List<ImageOutcome> scored = scored();
        return scored.isEmpty() ? 0 : scored.stream().filter(p).count() / (double) scored.size();
    }

    /** The JSON document: summary fields, then the per-image list. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", images());
        m.put("unreadable", unreadable());
        m.put("region", region);
        m.put("threads", threads);
        m.put("readers", readers);
        m.put("detection_recall", detectionRecall());
        m.put("exact_top1", exactTop1());
        m.put("exact_topn", exactTopN());
        m.put("char_accuracy", charAccuracy());
        m.put("spurious_reads", spuriousReads());
        m.put("precision_at", atThresholds(this::precisionAt));
        m.put("coverage_at", atThresholds(this::coverageAt));
        m.put("non_plate_reads_at", atThresholds(this::nonPlateReadsAt));
        m.put("countries", perCountry());
        m.put("ms_per_image_p50", msPercentile(0.50));
        m.put("ms_per_image_p95", msPercentile(0.95));
        List<Map<String, Object>> results = new ArrayList<>();
        for (ImageOutcome o : outcomes) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("image", o.image());
            r.put("expected", o.expected());
            r.put("read", o.read());
            r.put("confidence", round(o.confidence()));
            r.put("country", o.country());
            r.put("detected", o.detected());
            r.put("iou", round(o.iou()));
            r.put("ms", Math.round(o.ms() * 10) / 10.0);
            if (!o.spurious().isEmpty()) {
                r.put("spurious", o.spurious().stream().map(ImageOutcome.Read::text).toList());
            }
            if (o.unreadable()) {
                r.put("error", o.error());
            }
            results.add(r);
        }
        m.put("results", results);
        return m;
    }

    /** Per-image lines for the misreads, then the summary table. */
    public void print(PrintStream out) {
        out.printf("%-24s %-10s %-10s %5s %6s %7s%n", "image", "expected", "read", "det", "iou", "ms");
        for (ImageOutcome o : outcomes) {
            if (!o.exact()) {
                out.printf("%-24s %-10s %-10s %5s %6.2f %7.1f%s%n", o.image(), o.expected(), o.read(),
                        o.detected() ? "yes" : "NO", o.iou(), o.ms(), o.error() == null ? "" : "  " + o.error());
            }
        }
        out.println();
        out.printf("%-18s %s%n", "images", images());
        out.printf("%-18s %s%s%n", "unreadable", unreadable(), unreadable() == 0 ? "" : " (not in the rates below)");
        out.printf("%-18s %s%n", "region", region);
        out.printf("%-18s %d%n", "threads", threads);
        out.printf("%-18s %s%n", "readers", readers);
        out.printf("%-18s %.3f%n", "detection_recall", detectionRecall());
        out.printf("%-18s %.3f%n", "exact_top1", exactTop1());
        out.printf("%-18s %.3f%n", "exact_topn", exactTopN());
        out.printf("%-18s %.3f%n", "char_accuracy", charAccuracy());
        out.printf("%-18s %d%n", "spurious_reads", spuriousReads());
        for (double t : THRESHOLDS) {
            double p = precisionAt(t);
            out.printf("%-18s precision %s  coverage %.3f  non-plate reads %d%n", "at confidence " + t,
                    Double.isNaN(p) ? "  -  " : String.format("%.3f", p), coverageAt(t), nonPlateReadsAt(t));
        }
        out.printf("%-18s %.1f%n", "ms_per_image_p50", msPercentile(0.50));
        out.printf("%-18s %.1f%n", "ms_per_image_p95", msPercentile(0.95));
    }
}
