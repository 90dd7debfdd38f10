package org.anpr.ocr.binarize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.anpr.ocr.TestScenes;
import org.anpr.ocr.TestScenes.PlateSpec;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class PlateBinarizerTest {
    private final PlateBinarizer binarizer = new PlateBinarizer();

    /** The plate cut straight out of a scene, a little loose, scaled to 64 px high. */
    private static Mat plate(PlateSpec p) {
        Mat scene = TestScenes.toMat(TestScenes.scene(p.x() + p.width() + 60, p.y() + p.height() + 60, p));
        int m = p.height() / 8;
        Mat crop = scene.apply(new Rect(p.x() - m, p.y() - m, p.width() + 2 * m, p.height() + 2 * m));
        Mat out = new Mat();
        org.bytedeco.opencv.global.opencv_imgproc.resize(crop, out,
                new org.bytedeco.opencv.opencv_core.Size(crop.cols() * 64 / crop.rows(), 64));
        return out;
    }

    @Test
    void cutsTheBlueBandAndKeepsExactlyTheCharacters() {
        try (PointerScope s = new PointerScope()) {
            BinarizedPlate b = binarizer.binarize(plate(new PlateSpec("AB123CD", 40, 40, 240, 0, true))).orElseThrow();
            assertTrue(b.bandCut() > 0, "band not detected");
            assertEquals(7, b.charCount(), "frame, band letter or noise kept as characters");
            assertEquals(opencv_core.CV_8UC1, b.text().type());
        }
    }

    @Test
    void withoutBandNothingIsCutAndFrameIsDropped() {
        try (PointerScope s = new PointerScope()) {
            BinarizedPlate b = binarizer.binarize(plate(new PlateSpec("XY4521", 40, 40, 240, 0, false))).orElseThrow();
            assertEquals(0, b.bandCut());
            assertEquals(6, b.charCount());
            // Black text on white: the corners of the output are white.
            assertEquals(255, b.text().ptr(0, 0).get() & 0xFF);
        }
    }

    @Test
    void blankPlateGivesNothing() {
        try (PointerScope s = new PointerScope()) {
            Mat blank = new Mat(64, 300, opencv_core.CV_8UC3, new Scalar(230, 230, 230, 0));
            Optional<BinarizedPlate> b = binarizer.binarize(blank);
            assertTrue(b.isEmpty());
        }
    }
}
