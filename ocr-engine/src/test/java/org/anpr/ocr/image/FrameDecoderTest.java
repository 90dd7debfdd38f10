package org.anpr.ocr.image;

import static org.bytedeco.opencv.global.opencv_core.CV_16UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.anpr.ocr.ImageRejectedException;
import org.anpr.ocr.ImageRejectedException.Reason;
import org.anpr.ocr.TestScenes;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameDecoderTest {
    private final FrameDecoder decoder = new FrameDecoder(40_000_000, 8 << 20);

    @Test
    void decodesPngAndJpegToBgr() {
        try (PointerScope s = new PointerScope()) {
            var img = TestScenes.scene(320, 200);
            for (String fmt : new String[] {"png", "jpg", "bmp"}) {
                Mat m = decoder.decode(TestScenes.encode(img, fmt));
                assertEquals(320, m.cols(), fmt);
                assertEquals(200, m.rows(), fmt);
                assertEquals(3, m.channels(), fmt);
            }
        }
    }

    @Test
    void pixelLimitIsConfigurable() {
        byte[] png = TestScenes.encode(TestScenes.scene(320, 200), "png");
        var small = new FrameDecoder(320 * 200 - 1, 8 << 20);
        assertEquals(Reason.TOO_LARGE, assertThrows(ImageRejectedException.class, () -> small.decode(png)).reason());
        var fewBytes = new FrameDecoder(40_000_000, 100);
        assertEquals(Reason.TOO_LARGE, assertThrows(ImageRejectedException.class, () -> fewBytes.decode(png)).reason());
    }

    @Test
    void giganticHeaderIsRejectedBeforeImdecode() {
        var e = assertThrows(ImageRejectedException.class, () -> decoder.decode(ImageHeaderTest.pngClaiming(20000, 20000)));
        assertEquals(Reason.TOO_LARGE, e.reason());
    }

    @Test
    void corruptBodyWithValidHeaderIsRejectedNotCrashing() {
        byte[] png = TestScenes.encode(TestScenes.scene(320, 200), "png");
        byte[] broken = png.clone();
        Arrays.fill(broken, 40, broken.length - 20, (byte) 0x5A); // scribble over the IDAT data
        var e = assertThrows(ImageRejectedException.class, () -> {
            try (PointerScope s = new PointerScope()) {
                decoder.decode(broken);
            }
        });
        assertEquals(Reason.CORRUPT, e.reason());
    }

    @Test
    void matsAreValidated() {
        try (PointerScope s = new PointerScope()) {
            assertEquals(Reason.EMPTY, assertThrows(ImageRejectedException.class, () -> decoder.accept(new Mat())).reason());
            Mat deep = new Mat(10, 10, CV_16UC1, new Scalar(0));
            assertEquals(Reason.UNSUPPORTED_FORMAT,
                    assertThrows(ImageRejectedException.class, () -> decoder.accept(deep)).reason());
            Mat gray = new Mat(10, 20, CV_8UC1, new Scalar(7));
            Mat bgr = decoder.accept(gray);
            assertEquals(3, bgr.channels());
            assertEquals(20, bgr.cols());
            Mat already = TestScenes.toMat(TestScenes.scene(32, 16));
            assertSame(already, decoder.accept(already));
        }
    }

    @Test
    void missingAndNonImageFilesAreRejected(@TempDir Path dir) throws Exception {
        assertEquals(Reason.UNREADABLE,
                assertThrows(ImageRejectedException.class, () -> decoder.read(dir.resolve("nope.jpg"))).reason());
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not a picture");
        assertEquals(Reason.NOT_AN_IMAGE, assertThrows(ImageRejectedException.class, () -> decoder.read(text)).reason());
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        assertEquals(Reason.EMPTY, assertThrows(ImageRejectedException.class, () -> decoder.read(empty)).reason());
    }
}
