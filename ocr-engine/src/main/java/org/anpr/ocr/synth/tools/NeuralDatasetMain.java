package org.anpr.ocr.synth.tools;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.anpr.ocr.neural.PlateInput;
import org.anpr.ocr.synth.GlyphSheet;
import org.anpr.ocr.synth.Images;
import org.anpr.ocr.synth.PlateFonts;
import org.anpr.ocr.synth.LineSampleGenerator;
import org.anpr.ocr.synth.LineSampleGenerator.LineSample;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Writes the neural plate reader's training set: every sample already resized by
 * {@link PlateInput#prepare}, exactly as the reader prepares a crop at run time.
 *
 * <ul>
 *   <li>{@code images.u8}: the samples back to back, {@link PlateInput#HEIGHT} x {@link PlateInput#WIDTH}
 *       bytes each, row-major;</li>
 *   <li>{@code labels.tsv}: {@code index<TAB>source<TAB>country<TAB>TEXT} per sample, in the same order.</li>
 * </ul>
 *
 * <p>Usage: {@code NeuralDatasetMain [--glyph-sheets DIR] <outDir> <synthetic> <seed> [realFolder ...]};
 * with {@code --glyph-sheets} (the training-only {@code openalpr-train/glyph-sheets}) many synthetic
 * plates are drawn in real national glyphs ({@link GlyphSheet}). Synthetic samples
 * come from {@link LineSampleGenerator}, each at a difficulty drawn from 0.2-1 (the easy ones let the
 * network find the glyphs early); a real folder holds crops and a {@code labels.tsv} of
 * {@code file<TAB>PLATE} (the training-only crops of {@code shared/datasets/openalpr-train/plates/*}).
 * The same arguments give the same bytes.
 */
public final class NeuralDatasetMain {
    static final double MIN_DIFFICULTY = 0.2;
    /** Fewer installed plate fonts than this is an error: the set would not be the documented one. */
    static final int MIN_FONTS = 6;

    private NeuralDatasetMain() {
    }

    public static void main(String[] argv) throws IOException {
        List<String> rest = new ArrayList<>(List.of(argv));
        List<GlyphSheet> sheets = List.of();
        int flag = rest.indexOf("--glyph-sheets");
        if (flag >= 0 && flag + 1 < rest.size()) {
            sheets = GlyphSheet.loadAll(Path.of(rest.get(flag + 1)));
            rest.subList(flag, flag + 2).clear();
            System.out.println("NeuralDatasetMain: glyph sheets " + sheets);
        }
        String[] args = rest.toArray(String[]::new);
        if (args.length < 3 || flag >= 0 && sheets.isEmpty()) {
            System.err.println("usage: NeuralDatasetMain [--glyph-sheets DIR] <outDir> <synthetic> <seed> [realFolder ...]");
            System.exit(2);
        }
        // The first training run here was rendered before the plate fonts were installed: held-out
        // figures looked fine (same single face) while fresh crops in the real fonts were misread.
        if (PlateFonts.available().size() < MIN_FONTS) {
            System.err.println("NeuralDatasetMain: only " + PlateFonts.available().size() + " plate fonts installed, missing "
                    + PlateFonts.missing() + "; install the font packages of tools/system-packages.txt");
            System.exit(2);
        }
        System.out.println("NeuralDatasetMain: fonts " + PlateFonts.available().stream().map(java.awt.Font::getFontName).toList());
        Path out = Path.of(args[0]);
        int synthetic = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Files.createDirectories(out);
        int index = 0;
        long start = System.nanoTime();
        try (OutputStream images = new BufferedOutputStream(Files.newOutputStream(out.resolve("images.u8")), 1 << 20);
             Writer labels = Files.newBufferedWriter(out.resolve("labels.tsv"), StandardCharsets.UTF_8)) {
            Random rnd = new Random(seed);
            byte[] pixels = new byte[PlateInput.HEIGHT * PlateInput.WIDTH];
            // One generator per difficulty step keeps the draws reproducible and cheap to construct.
            List<LineSampleGenerator> generators = new ArrayList<>();
            for (int d = 0; d <= 8; d++) {
                generators.add(new LineSampleGenerator(MIN_DIFFICULTY + d * (1 - MIN_DIFFICULTY) / 8, sheets));
            }
            for (int i = 0; i < synthetic; i++) {
                LineSample s = generators.get(rnd.nextInt(generators.size())).next(rnd);
                try (Mat gray = Images.toGray(s.image()); Mat input = PlateInput.prepare(gray)) {
                    input.data().get(pixels);
                }
                images.write(pixels);
                labels.write(index++ + "\tsynthetic\t" + s.country() + "\t" + s.text() + "\n");
                if ((i + 1) % 10_000 == 0) {
                    System.out.printf("NeuralDatasetMain: %,d / %,d synthetic samples, %.0f s%n", i + 1, synthetic,
                            (System.nanoTime() - start) / 1e9);
                }
            }
            for (int a = 3; a < args.length; a++) {
                index = writeReal(Path.of(args[a]), index, images, labels, pixels);
            }
        }
        System.out.printf("NeuralDatasetMain: %,d samples in %s, %.0f s%n", index, out, (System.nanoTime() - start) / 1e9);
    }

    /** The folder's labelled crops; a crop that cannot be decoded is an error naming it. */
    private static int writeReal(Path folder, int index, OutputStream images, Writer labels, byte[] pixels) throws IOException {
        String source = folder.getFileName().toString();
        String country = source.length() == 2 ? source.toUpperCase() : "??";
        List<String> lines = Files.readAllLines(folder.resolve("labels.tsv"), StandardCharsets.UTF_8);
        int n = 0;
        for (int l = 0; l < lines.size(); l++) {
            String[] f = lines.get(l).split("\t");
            if (f.length != 2 || !f[1].matches("[A-Z0-9]{2,10}")) {
                throw new IllegalArgumentException(folder.resolve("labels.tsv") + " line " + (l + 1)
                        + ": expected file<TAB>PLATE (A-Z, 0-9), got '" + lines.get(l) + "'");
            }
            Path file = folder.resolve(f[0]);
            try (Mat gray = imread(file.toString(), IMREAD_GRAYSCALE)) {
                if (gray.empty()) {
                    throw new IllegalArgumentException(file + ": not a readable image");
                }
                try (Mat input = PlateInput.prepare(gray)) {
                    input.data().get(pixels);
                }
            }
            images.write(pixels);
            labels.write(index++ + "\treal-" + source + "\t" + country + "\t" + f[1] + "\n");
            n++;
        }
        System.out.printf("NeuralDatasetMain: %,d real crops from %s%n", n, folder);
        return index;
    }
}
