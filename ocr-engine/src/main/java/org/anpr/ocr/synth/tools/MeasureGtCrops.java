package org.anpr.ocr.synth.tools;

import org.anpr.ocr.charclass.GlyphClassifier;
import org.anpr.ocr.charclass.GlyphReader;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.tesseract.TessBaseAPI;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Measures a reader on the ground-truth plate boxes of a labelled folder (one {@code file x y w h PLATE}
 * line per {@code .txt}): crop, scale to 64 px height, read, count exact matches of the
 * whole plate. Measuring only: nothing here feeds training.
 *
 * <p>Usage: {@code MeasureGtCrops <datasetDir> tesseract <tessdataDir> <language> [psm=7] [verbose]}
 * or {@code MeasureGtCrops <datasetDir> glyphs [verbose]} (the bundled glyph classifier),
 * or {@code MeasureGtCrops <datasetDir> combined <tessdataDir> <language> [psm=13] [verbose]}: the line
 * model's text, unless its length disagrees with the glyph segmentation and every glyph is confident.
 */
public final class MeasureGtCrops {

    /** Crop height handed to the reader; {@code -Dheight=} overrides it for experiments. */
    static final int HEIGHT = Integer.getInteger("height", 64);

    private MeasureGtCrops() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        boolean verbose = args[args.length - 1].equals("verbose");
        if (args[1].equals("glyphs")) {
            try (GlyphReader reader = new GlyphReader(GlyphClassifier.bundled())) {
                report("glyphs", measure(dir, m -> reader.read(m).text(), verbose));
            }
            return;
        }
        boolean combined = args[1].equals("combined");
        int psm = args.length > 4 && !args[4].equals("verbose") ? Integer.parseInt(args[4]) : combined ? 13 : 7;
        try (TessBaseAPI api = new TessBaseAPI(); GlyphReader glyphs = combined ? new GlyphReader(GlyphClassifier.bundled()) : null) {
            if (api.Init(args[2], args[3]) != 0) {
                throw new IllegalStateException("cannot load " + args[3] + " from " + args[2]);
            }
            api.SetPageSegMode(psm);
            api.SetVariable("tessedit_char_whitelist", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
            Function<Mat, String> reader = combined ? m -> combine(tesseract(api, m), glyphs.read(m))
                    : m -> tesseract(api, m);
            report(args[1] + " " + args[3] + " psm " + psm, measure(dir, reader, verbose));
            api.End();
        }
    }

    private static void report(String name, int[] r) {
        System.out.printf("%s: exact %d/%d = %.1f%%%n", name, r[0], r[1], 100.0 * r[0] / r[1]);
    }

    /** Returns {exact, total}. */
    static int[] measure(Path dir, Function<Mat, String> reader, boolean verbose) throws IOException {
        List<Path> labels;
        try (Stream<Path> s = Files.list(dir)) {
            labels = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        int exact = 0;
        int total = 0;
        for (Path label : labels) {
            for (String line : Files.readAllLines(label)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\t");
                String truth = f[5].trim();
                String read;
                try (Mat crop = crop(dir.resolve(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]))) {
                    read = reader.apply(crop);
                }
                total++;
                if (read.equals(truth)) {
                    exact++;
                }
                if (verbose) {
                    System.out.printf("%s\t%s\t%s\t%s%n", f[0], truth, read, read.equals(truth) ? "ok" : "MISS");
                }
            }
        }
        return new int[]{exact, total};
    }

    /** The ground-truth box (clipped to the image) scaled to HEIGHT px, 8-bit grey. */
    static Mat crop(Path image, int x, int y, int w, int h) {
        try (Mat img = imread(image.toString(), IMREAD_GRAYSCALE)) {
            int x0 = Math.max(0, x);
            int y0 = Math.max(0, y);
            try (Rect r = new Rect(x0, y0, Math.min(img.cols(), x + w) - x0, Math.min(img.rows(), y + h) - y0);
                 Mat roi = new Mat(img, r); Size size = new Size(Math.max(1, r.width() * HEIGHT / r.height()), HEIGHT)) {
                Mat scaled = new Mat();
                resize(roi, scaled, size, 0, 0, r.height() < HEIGHT ? INTER_CUBIC : INTER_AREA);
                return scaled;
            }
        }
    }

    /** The line reading, unless the glyph count disagrees and the glyph classifier is sure of every glyph. */
    static String combine(String line, GlyphReader.Reading glyphs) {
        boolean sure = glyphs.guesses().size() >= 4
                && glyphs.guesses().stream().allMatch(g -> g.score() > COMBINE_SURE);
        return line.length() != glyphs.text().length() && sure ? glyphs.text() : line;
    }

    static final double COMBINE_SURE = 0.9;

    private static String tesseract(TessBaseAPI api, Mat m) {
        api.SetImage(m.data(), m.cols(), m.rows(), 1, (int) m.step());
        try (BytePointer text = api.GetUTF8Text()) {
            return text == null ? "" : text.getString().replaceAll("[^A-Z0-9]", "");
        }
    }
}
