package org.anpr.ocr.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anpr.ocr.TestScenes;
import org.anpr.ocr.TestScenes.PlateSpec;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class PlateDetectorTest {
    private final PlateDetector detector = new PlateDetector(800, 4);

    @Test
    void findsPlatesOfDifferentSizesAndTiltsAsTopRegion() {
        PlateSpec[] plates = {
            new PlateSpec("AB123CD", 230, 300, 180, 0, true),
            new PlateSpec("KL9876", 500, 500, 110, 0, true),
            new PlateSpec("XY42ZZ", 300, 250, 240, -7, false),
        };
        for (PlateSpec p : plates) {
            try (PointerScope s = new PointerScope()) {
                Mat frame = TestScenes.toMat(TestScenes.scene(900, 700, p));
                List<PlateRegion> regions = detector.detect(frame);
                assertTrue(!regions.isEmpty(), "no region for " + p);
                double iou = regions.get(0).quad().boundingBox().iou(p.box());
                assertTrue(iou > 0.5, "top region IoU " + iou + " for " + p + ": " + regions.get(0));
            }
        }
    }

    @Test
    void regionsComeBackInFullFramePixelsForLargeFrames() {
        PlateSpec p = new PlateSpec("AB123CD", 1200, 900, 300, 0, true);
        try (PointerScope s = new PointerScope()) {
            Mat frame = TestScenes.toMat(TestScenes.scene(2000, 1400, p)); // detection works on 800 px wide
            double iou = detector.detect(frame).get(0).quad().boundingBox().iou(p.box());
            assertTrue(iou > 0.5, "IoU " + iou);
        }
    }

    @Test
    void flatFrameHasNoRegionsAndTopKIsRespected() {
        try (PointerScope s = new PointerScope()) {
            Mat flat = new Mat(480, 640, opencv_core.CV_8UC3, new Scalar(128, 128, 128, 0));
            assertEquals(0, detector.detect(flat).size());
            Mat busy = TestScenes.toMat(TestScenes.scene(900, 700,
                    new PlateSpec("AB123CD", 50, 100, 150, 0, true), new PlateSpec("CD456EF", 450, 200, 150, 0, true),
                    new PlateSpec("GH789IJ", 50, 500, 150, 0, true), new PlateSpec("KL012MN", 450, 550, 150, 0, true),
                    new PlateSpec("OP345QR", 700, 400, 150, 0, true)));
            assertEquals(2, new PlateDetector(800, 2).detect(busy).size());
        }
    }

    @Test
    void mergeKeepsOneRegionPerPlaceAndRewardsAgreement() {
        PlateRegion a = new PlateRegion(Boxes.rect(0, 0, 100, 25), 0.5, "chars");
        PlateRegion b = new PlateRegion(Boxes.rect(5, 2, 100, 25), 0.4, "edges");
        PlateRegion far = new PlateRegion(Boxes.rect(300, 300, 100, 25), 0.45, "edges");
        List<PlateRegion> merged = PlateDetector.merge(List.of(b, far, a));
        assertEquals(2, merged.size());
        assertEquals("chars+edges", merged.get(0).source());
        assertEquals(0.7, merged.get(0).score(), 1e-9);
    }
}
