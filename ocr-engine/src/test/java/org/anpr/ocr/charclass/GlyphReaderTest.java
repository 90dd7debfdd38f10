package org.anpr.ocr.charclass;

import org.anpr.ocr.BoundingBox;
import org.anpr.ocr.synth.Images;
import org.anpr.ocr.synth.PlateTruth;
import org.anpr.ocr.synth.Scene;
import org.anpr.ocr.synth.SceneGenerator;
import org.anpr.ocr.synth.SceneSpec;
import org.anpr.ocr.synth.LineSampleGenerator;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled glyph model on synthetic lines it was not trained on (other seed). */
class GlyphReaderTest {

    private static GlyphReader reader;

    @BeforeAll
    static void load() {
        reader = new GlyphReader(GlyphClassifier.bundled());
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void readsMostCleanSyntheticPlatesExactly() {
        int exact = 0;
        int sameLength = 0;
        int n = 40;
        LineSampleGenerator gen = new LineSampleGenerator(0.3);
        Random rnd = new Random(987654);
        for (int i = 0; i < n; i++) {
            LineSampleGenerator.LineSample s = gen.next(rnd);
            try (Mat gray = gray(s)) {
                GlyphReader.Reading r = reader.read(gray);
                exact += r.text().equals(s.text()) ? 1 : 0;
                sameLength += r.text().length() == s.text().length() ? 1 : 0;
                assertEquals(r.text().length(), r.guesses().size());
                assertEquals(r.boxes().size(), r.guesses().size());
            }
        }
        assertTrue(sameLength >= n * 0.8, "segmentation finds the right glyph count: " + sameLength + "/" + n);
        assertTrue(exact >= n * 0.7, "exact reads: " + exact + "/" + n);
    }

    @Test
    void readsPlatesCroppedFromGeneratedScenes() {
        SceneGenerator scenes = new SceneGenerator();
        int exact = 0;
        int n = 0;
        for (long seed = 100; seed < 106; seed++) {
            Scene scene = scenes.render(SceneSpec.builder().size(1280, 720).vehicles(2).perspective(0.1)
                    .seed(seed).build());
            try (Mat frame = scene.toMat(); Mat gray = new Mat()) {
                cvtColor(frame, gray, COLOR_BGR2GRAY);
                for (PlateTruth p : scene.plates()) {
                    BoundingBox b = p.box();
                    try (Rect r = new Rect((int) b.x(), (int) b.y(), (int) b.width(), (int) b.height());
                         Mat crop = new Mat(gray, r)) {
                        exact += reader.read(crop).text().equals(p.text()) ? 1 : 0;
                        n++;
                    }
                }
            }
        }
        assertTrue(exact >= n * 0.6, "exact reads of scene plates: " + exact + "/" + n);
    }

    @Test
    void blankPlateReadsAsNothing() {
        try (Scalar grey = new Scalar(200.0); Mat blank = new Mat(60, 280, CV_8UC1, grey)) {
            assertEquals("", reader.read(blank).text());
        }
    }

    @Test
    void guessesRankBestAboveSecond() {
        LineSampleGenerator.LineSample s = new LineSampleGenerator(0.0).next(new Random(4));
        try (Mat gray = gray(s)) {
            for (GlyphClassifier.Guess g : reader.read(gray).guesses()) {
                assertTrue(g.score() >= g.secondScore(), g.toString());
                assertTrue(g.best() != g.second(), g.toString());
            }
        }
    }

    @Test
    void readingAsAnOcrLineKeepsBothGuessesAndTheGlyphExtents() {
        LineSampleGenerator.LineSample s = new LineSampleGenerator(0.0).next(new Random(4));
        try (Mat gray = gray(s)) {
            GlyphReader.Reading r = reader.read(gray);
            org.anpr.ocr.ocr.OcrLine line = r.toLine();
            assertEquals(r.text(), line.text());
            for (int i = 0; i < r.guesses().size(); i++) {
                GlyphClassifier.Guess g = r.guesses().get(i);
                org.anpr.ocr.ocr.OcrSymbol sym = line.symbols().get(i);
                assertEquals(g.score(), sym.p(g.best()), 1e-12);
                assertEquals(g.secondScore(), sym.p(g.second()), 1e-12);
                assertEquals(r.boxes().get(i)[0], sym.x());
                assertEquals(r.boxes().get(i)[0] + r.boxes().get(i)[2], sym.right());
            }
        }
    }

    static Mat gray(LineSampleGenerator.LineSample s) {
        Mat g = new Mat();
        try (Mat bgr = Images.toBgr(s.image())) {
            cvtColor(bgr, g, COLOR_BGR2GRAY);
        }
        return g;
    }
}
