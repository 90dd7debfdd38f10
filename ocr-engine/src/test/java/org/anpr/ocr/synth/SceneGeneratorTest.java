package org.anpr.ocr.synth;

import org.anpr.ocr.BoundingBox;
import org.anpr.ocr.Quad;
import org.anpr.ocr.Region;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneGeneratorTest {

    private final SceneGenerator generator = new SceneGenerator();

    @Test
    void sameSeedSameBytesOtherSeedOtherScene() {
        SceneSpec spec = SceneSpec.builder().vehicles(2).motionBlur(2).seed(7).build();
        Scene a = generator.render(spec);
        Scene b = generator.render(spec);
        Scene c = generator.render(spec.withSeed(8));
        assertArrayEquals(a.encoded(), b.encoded());
        assertEquals(a.plates(), b.plates());
        assertFalse(Arrays.equals(a.encoded(), c.encoded()));
    }

    @ParameterizedTest
    @CsvSource({"1920,1080,3,0.6,EU", "1280,720,1,0.3,BR", "640,480,2,1.0,US", "640,480,4,0.0,EU"})
    void plateQuadsLieInsideTheFrameAndDecode(int w, int h, int vehicles, double perspective, Region region) {
        for (long seed = 1; seed <= 2; seed++) {
            Scene s = generator.render(SceneSpec.builder().region(region).size(w, h).vehicles(vehicles)
                    .perspective(perspective).seed(seed).build());
            assertEquals(vehicles, s.plates().size());
            for (PlateTruth p : s.plates()) {
                for (Quad.Point pt : p.quad().corners()) {
                    assertTrue(pt.x() >= 0 && pt.x() < w && pt.y() >= 0 && pt.y() < h, p + " outside " + w + "x" + h);
                }
                assertTrue(p.box().width() > 20 && p.box().height() > 5, "plate is visible: " + p.box());
                assertEquals(region, PlateSyntaxSample.regionOf(p.country()));
                assertNotNull(PlateSyntaxSample.templateOf(p.country(), p.text()), p.toString());
            }
            try (Mat m = s.toMat()) {
                assertEquals(w, m.cols());
                assertEquals(h, m.rows());
                assertEquals(3, m.channels());
            }
            BufferedImage img = s.toImage();
            assertEquals(w, img.getWidth());
        }
    }

    @Test
    void platesOfDifferentVehiclesDoNotOverlap() {
        Scene s = generator.render(SceneSpec.builder().size(1920, 1080).vehicles(4).seed(3).build());
        for (int i = 0; i < 4; i++) {
            for (int j = i + 1; j < 4; j++) {
                assertEquals(0.0, s.plates().get(i).box().iou(s.plates().get(j).box()), 1e-9);
            }
        }
    }

    @Test
    void dayIsColourfulAndIrNightIsMonochromeWithBrightPlates() {
        SceneSpec day = SceneSpec.builder().country("NL").jpegQuality(100).noise(0).seed(5).build();
        Scene dayScene = generator.render(day);
        Scene night = generator.render(day.toBuilder().look(Look.IR_NIGHT).build());
        assertEquals("png", dayScene.format());
        try (Mat d = dayScene.toMat(); Mat n = night.toMat()) {
            assertTrue(maxChannelSpread(d) > 60, "the yellow NL plate and the car colours show in daylight");
            assertEquals(0, maxChannelSpread(n), "an IR camera sees no colour");
            BoundingBox box = night.plates().get(0).box();
            assertTrue(meanGrey(n, box) > meanGrey(n, new BoundingBox(0, 0, n.cols(), n.rows())) + 30,
                    "the retro-reflective plate is brighter than the scene");
        }
    }

    @Test
    void fixedCountryAndJpegOutput() {
        Scene s = generator.render(SceneSpec.builder().country("GB").vehicles(3).jpegQuality(70).seed(9).build());
        assertEquals("jpg", s.format());
        byte[] bytes = s.encoded();
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xD8, bytes[1]);
        assertTrue(s.plates().stream().allMatch(p -> p.country().equals("GB")));
    }

    @Test
    void invalidSpecsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SceneSpec.builder().region(Region.BR).country("NL").build());
        assertThrows(IllegalArgumentException.class, () -> SceneSpec.builder().size(10, 10).build());
        assertThrows(IllegalArgumentException.class, () -> SceneSpec.builder().perspective(2).build());
    }

    private static int maxChannelSpread(Mat m) {
        int max = 0;
        try (UByteIndexer idx = m.createIndexer()) {
            for (int y = 0; y < m.rows(); y += 3) {
                for (int x = 0; x < m.cols(); x += 3) {
                    int b = idx.get(y, x, 0);
                    int g = idx.get(y, x, 1);
                    int r = idx.get(y, x, 2);
                    max = Math.max(max, Math.max(Math.abs(b - g), Math.max(Math.abs(g - r), Math.abs(b - r))));
                }
            }
        }
        return max;
    }

    private static double meanGrey(Mat m, BoundingBox box) {
        long sum = 0;
        long n = 0;
        try (UByteIndexer idx = m.createIndexer()) {
            for (int y = (int) box.y(); y < (int) (box.y() + box.height()); y++) {
                for (int x = (int) box.x(); x < (int) (box.x() + box.width()); x++) {
                    sum += idx.get(y, x, 1);
                    n++;
                }
            }
        }
        return (double) sum / n;
    }
}
