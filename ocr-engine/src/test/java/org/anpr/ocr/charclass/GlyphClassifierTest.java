package org.anpr.ocr.charclass;

import org.anpr.ocr.synth.LineSampleGenerator;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlyphClassifierTest {

    @Test
    void learnsCleanGlyphsAndSurvivesASaveLoadRoundTrip(@TempDir Path dir) throws IOException {
        List<float[]> x = new ArrayList<>();
        List<Character> y = new ArrayList<>();
        LineSampleGenerator gen = new LineSampleGenerator(0.0);
        GlyphSegmenter segmenter = new GlyphSegmenter();
        Random rnd = new Random(77);
        try (GlyphFeatures features = new GlyphFeatures()) {
            for (int i = 0; i < 150; i++) {
                LineSampleGenerator.LineSample s = gen.next(rnd);
                try (Mat gray = GlyphReaderTest.gray(s); GlyphSegmenter.Segmentation seg = segmenter.segment(gray, s.inverted())) {
                    if (seg.boxes().size() == s.text().length()) {
                        double typical = GlyphFeatures.typicalWidth(seg.boxes());
                        for (int k = 0; k < s.text().length(); k++) {
                            x.add(features.of(seg.gray(), seg.boxes().get(k), s.inverted(), typical));
                            y.add(s.text().charAt(k));
                        }
                    }
                }
            }
        }
        GlyphClassifier c = GlyphClassifier.train(x, y, 5, 1);
        int ok = 0;
        for (int i = 0; i < x.size(); i++) {
            ok += c.classify(x.get(i)).best() == y.get(i) ? 1 : 0;
        }
        assertTrue(ok > x.size() * 0.9, "fits its training glyphs: " + ok + "/" + x.size());

        Path file = dir.resolve("g.bin.gz");
        c.save(file);
        GlyphClassifier loaded = GlyphClassifier.load(file);
        for (int i = 0; i < 50; i++) {
            assertEquals(c.classify(x.get(i)), loaded.classify(x.get(i)));
        }
    }

    @Test
    void rejectsForeignFilesAndWrongFeatureLengths(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(junk))) {
            out.write(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        }
        assertThrows(IOException.class, () -> GlyphClassifier.load(junk));
        assertThrows(IllegalArgumentException.class, () -> GlyphClassifier.bundled().classify(new float[3]));
    }
}
