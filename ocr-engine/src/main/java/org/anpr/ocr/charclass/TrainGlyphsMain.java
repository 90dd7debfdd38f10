package org.anpr.ocr.charclass;

import org.anpr.ocr.synth.Images;
import org.anpr.ocr.synth.LineSampleGenerator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains the glyph classifier on synthetic plate lines only: each line is segmented with the same
 * {@link GlyphSegmenter} used at run time, and kept when the glyph count equals the label length, so
 * the classifier learns the glyphs exactly as the segmenter cuts them. The last tenth is held out.
 *
 * <p>Usage: {@code TrainGlyphsMain <model.bin.gz> [lines=8000] [seed=1] [difficulty=0.8] [epochs=12]}
 */
public final class TrainGlyphsMain {

    private TrainGlyphsMain() {
    }

    public static void main(String[] args) throws java.io.IOException {
        Path out = Path.of(args[0]);
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 8000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        double difficulty = args.length > 3 ? Double.parseDouble(args[3]) : 0.8;
        int epochs = args.length > 4 ? Integer.parseInt(args[4]) : 12;
        LineSampleGenerator gen = new LineSampleGenerator(difficulty);
        GlyphSegmenter segmenter = new GlyphSegmenter();
        Random rnd = new Random(seed);
        List<float[]> x = new ArrayList<>();
        List<Character> y = new ArrayList<>();
        int usable = 0;
        int holdoutFrom = -1;
        try (GlyphFeatures features = new GlyphFeatures()) {
            for (int i = 0; i < lines; i++) {
                if (i == lines * 9 / 10) {
                    holdoutFrom = x.size();
                }
                LineSampleGenerator.LineSample s = gen.next(rnd);
                try (var m = Images.toBgr(s.image()); var g = new org.bytedeco.opencv.opencv_core.Mat()) {
                    org.bytedeco.opencv.global.opencv_imgproc.cvtColor(m, g,
                            org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY);
                    try (GlyphSegmenter.Segmentation seg = segmenter.segment(g, s.inverted())) {
                        if (seg.boxes().size() != s.text().length()) {
                            continue;
                        }
                        usable++;
                        double typical = GlyphFeatures.typicalWidth(seg.boxes());
                        for (int k = 0; k < seg.boxes().size(); k++) {
                            x.add(features.of(seg.gray(), seg.boxes().get(k), s.inverted(), typical));
                            y.add(s.text().charAt(k));
                        }
                    }
                }
            }
        }
        System.out.printf("segmentation matched the label on %d/%d lines; %d glyphs%n", usable, lines, x.size());
        long t0 = System.nanoTime();
        GlyphClassifier c = GlyphClassifier.train(x.subList(0, holdoutFrom), y.subList(0, holdoutFrom), epochs, seed);
        System.out.printf("trained in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        int ok = 0;
        for (int i = holdoutFrom; i < x.size(); i++) {
            if (c.classify(x.get(i)).best() == y.get(i)) {
                ok++;
            }
        }
        System.out.printf("held-out glyph accuracy %d/%d = %.2f%%%n", ok, x.size() - holdoutFrom,
                100.0 * ok / Math.max(1, x.size() - holdoutFrom));
        c.save(out);
    }
}
