package org.anpr.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anpr.ocr.TestScenes.PlateSpec;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlateRecognizerTest {
    private static PlateRecognizer recognizer;

    @BeforeAll
    static void open() {
        recognizer = new PlateRecognizer(RecognizerConfig.builder().workerThreads(2).build());
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    @Test
    void readsASyntheticPlateFromEveryInputForm(@TempDir Path dir) throws Exception {
        var img = TestScenes.scene(640, 480, new PlateSpec("AB123CD", 230, 300, 180, 0, true));
        byte[] jpg = TestScenes.encode(img, "jpg");
        Path file = Files.write(dir.resolve("car.jpg"), jpg);
        RecognitionResult fromBytes = recognizer.recognize(jpg);
        RecognitionResult fromFile = recognizer.recognize(file);
        RecognitionResult fromMat;
        try (PointerScope s = new PointerScope()) {
            Mat m = TestScenes.toMat(img);
            fromMat = recognizer.recognize(m);
            assertTrue(!m.isNull() && m.cols() == 640, "caller's Mat left alone");
        }
        for (RecognitionResult r : List.of(fromBytes, fromFile, fromMat)) {
            PlateCandidate best = r.best().orElseThrow();
            assertEquals("AB123CD", best.text());
            assertTrue(best.confidence() > 0.5 && best.confidence() <= 1, "confidence " + best.confidence());
            assertEquals("AB123CD", best.alternatives().get(0).text());
            assertTrue(best.alternatives().size() > 1, "top-N alternatives");
            assertTrue(List.of("FR", "IT", "HR").contains(best.country()), best.country());
            assertTrue(best.quad().boundingBox().iou(new BoundingBox(230, 300, 180, 38)) > 0.5, best.quad().toString());
            assertEquals(640, r.frameWidth());
            for (Stage st : List.of(Stage.DECODE, Stage.DETECT, Stage.RECTIFY, Stage.BINARIZE, Stage.OCR, Stage.SYNTAX)) {
                assertTrue(r.timings().asNanos().containsKey(st), "timing of " + st);
            }
        }
    }

    @Test
    void tiltedPlateAndOtherRegions() {
        var tilted = TestScenes.scene(800, 600, new PlateSpec("KX4521", 300, 350, 220, 6, true));
        assertEquals("KX4521", recognizer.recognize(TestScenes.encode(tilted, "png")).best().orElseThrow().text());
        try (PlateRecognizer br = new PlateRecognizer(RecognizerConfig.builder().region(Region.BR).workerThreads(1).build())) {
            var merc = TestScenes.scene(640, 480, new PlateSpec("BRA2E19", 230, 300, 200, 0, false));
            PlateCandidate c = br.recognize(TestScenes.encode(merc, "png")).best().orElseThrow();
            assertEquals("BRA2E19", c.text());
            assertEquals("BR-mercosur", c.format());
        }
    }

    @Test
    void emptySceneGivesNoCandidates() {
        var img = TestScenes.scene(640, 480);
        RecognitionResult r = recognizer.recognize(TestScenes.encode(img, "png"));
        assertTrue(r.candidates().isEmpty(), r.candidates().toString());
    }

    @Test
    void badInputIsATypedRejection() {
        assertEquals(ImageRejectedException.Reason.NOT_AN_IMAGE,
                assertThrows(ImageRejectedException.class, () -> recognizer.recognize("GIF89a...".getBytes())).reason());
        assertEquals(ImageRejectedException.Reason.EMPTY,
                assertThrows(ImageRejectedException.class, () -> recognizer.recognize(new byte[0])).reason());
        assertEquals(ImageRejectedException.Reason.EMPTY,
                assertThrows(ImageRejectedException.class, () -> recognizer.recognize(new Mat())).reason());
        // SOI + SOF0 claiming 20000x20000 + EOI: refused from the header, nothing decoded.
        byte[] huge = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8, 0x4E, 0x20, 0x4E, 0x20, 1, 1, 0x11, 0,
            (byte) 0xFF, (byte) 0xD9};
        assertEquals(ImageRejectedException.Reason.TOO_LARGE,
                assertThrows(ImageRejectedException.class, () -> recognizer.recognize(huge)).reason());
        byte[] jpg = TestScenes.encode(TestScenes.standardScene("AB123CD"), "jpg");
        assertEquals(ImageRejectedException.Reason.TRUNCATED, assertThrows(ImageRejectedException.class,
                () -> recognizer.recognize(java.util.Arrays.copyOf(jpg, jpg.length / 3))).reason());
        // The recognizer still works afterwards.
        var img = TestScenes.scene(640, 480, new PlateSpec("AB123CD", 230, 300, 180, 0, true));
        assertEquals("AB123CD", recognizer.recognize(TestScenes.encode(img, "png")).best().orElseThrow().text());
    }

    @Test
    void concurrentCallersShareAtMostWorkerThreadsContexts() throws Exception {
        byte[][] frames = {
            TestScenes.encode(TestScenes.standardScene("AB123CD"), "jpg"),
            TestScenes.encode(TestScenes.standardScene("GH4567"), "jpg"),
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                byte[] f = frames[i % 2];
                fs.add(pool.submit(() -> recognizer.recognize(f).best().map(PlateCandidate::text).orElse("")));
            }
            for (int i = 0; i < fs.size(); i++) {
                assertEquals(i % 2 == 0 ? "AB123CD" : "GH4567", fs.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(recognizer.contexts() <= 2, "contexts " + recognizer.contexts());
    }

    @Test
    void missingModelFailsAtConstructionAndClosedRecognizerRefuses() {
        var bad = RecognizerConfig.builder().readers(PlateReaderKind.TESSERACT).tessdataPath(Path.of("/nonexistent")).build();
        assertThrows(IllegalStateException.class, () -> new PlateRecognizer(bad));
        var bad2 = RecognizerConfig.builder().readers(PlateReaderKind.TESSERACT).language("nosuchmodel").build();
        assertThrows(IllegalStateException.class, () -> new PlateRecognizer(bad2));
        var bad3 = RecognizerConfig.builder().neuralModel(Path.of("/nonexistent/reader.onnx")).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PlateRecognizer(bad3));
        assertTrue(e.getMessage().contains("/nonexistent/reader.onnx"), e.getMessage());
        PlateRecognizer r = new PlateRecognizer(RecognizerConfig.builder().workerThreads(1).build());
        r.close();
        assertThrows(IllegalStateException.class, () -> r.recognize(new byte[] {1}));
    }
}
