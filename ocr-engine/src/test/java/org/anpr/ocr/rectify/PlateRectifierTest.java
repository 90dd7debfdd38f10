package org.anpr.ocr.rectify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.anpr.ocr.Quad;
import org.anpr.ocr.TestScenes;
import org.anpr.ocr.TestScenes.PlateSpec;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class PlateRectifierTest {
    private final PlateRectifier rectifier = new PlateRectifier(64);

    @Test
    void warpsToFixedHeightKeepingAspect() {
        PlateSpec p = new PlateSpec("AB123CD", 100, 100, 188, 0, true);
        try (PointerScope s = new PointerScope()) {
            Mat frame = TestScenes.toMat(TestScenes.scene(500, 300, p));
            RectifiedPlate r = rectifier.rectify(frame, Quad.of(new double[] {100, 288, 288, 100}, new double[] {100, 100, 140, 140}));
            assertEquals(64, r.bgr().rows());
            assertEquals(301, r.bgr().cols(), 1); // 188/40 * 64
        }
    }

    @Test
    void deskewsATiltedPlateGivenAnAxisAlignedBox() {
        PlateSpec p = new PlateSpec("AB123CD", 150, 120, 240, 8, false);
        try (PointerScope s = new PointerScope()) {
            Mat frame = TestScenes.toMat(TestScenes.scene(600, 400, p));
            // An axis-aligned box around the tilted plate, as the edge proposer gives it.
            Quad box = Quad.of(new double[] {140, 400, 400, 140}, new double[] {105, 105, 190, 190});
            Mat straight = rectifier.warpForTest(frame, box);
            double before = PlateRectifier.residualSkew(straight);
            RectifiedPlate r = rectifier.rectify(frame, box);
            double after = PlateRectifier.residualSkew(r.bgr());
            assertTrue(Math.abs(Math.toDegrees(before)) > 5, "tilt measured " + Math.toDegrees(before));
            assertTrue(Math.abs(Math.toDegrees(after)) < 2, "residual tilt " + Math.toDegrees(after));
        }
    }
}
