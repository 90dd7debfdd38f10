package org.anpr.ocr.charclass;

import org.anpr.ocr.synth.LineSampleGenerator;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlyphSegmenterTest {

    private final GlyphSegmenter segmenter = new GlyphSegmenter();

    @Test
    void cutsCleanPlatesIntoOneBoxPerCharacterLeftToRight() {
        LineSampleGenerator gen = new LineSampleGenerator(0.0);
        Random rnd = new Random(31);
        int matched = 0;
        int n = 30;
        for (int i = 0; i < n; i++) {
            LineSampleGenerator.LineSample s = gen.next(rnd);
            try (Mat gray = GlyphReaderTest.gray(s);
                 GlyphSegmenter.Segmentation seg = segmenter.segment(gray, s.inverted())) {
                assertEquals(GlyphSegmenter.HEIGHT, seg.gray().rows());
                int lastX = -1;
                for (int[] b : seg.boxes()) {
                    assertTrue(b[0] > lastX, "sorted left to right");
                    assertTrue(b[0] >= 0 && b[0] + b[2] <= seg.gray().cols() && b[1] >= 0
                            && b[1] + b[3] <= seg.gray().rows(), "inside the plate");
                    lastX = b[0];
                }
                matched += seg.boxes().size() == s.text().length() ? 1 : 0;
            }
        }
        assertTrue(matched >= n * 0.75, "one box per character on " + matched + "/" + n + " clean plates");
    }
}
