package org.anpr.ocr.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.anpr.ocr.ImageRejectedException;
import org.anpr.ocr.ImageRejectedException.Reason;
import org.anpr.ocr.TestScenes;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {

    /** A PNG signature + IHDR claiming the given size, with no pixel data but an IEND trailer. */
    static byte[] pngClaiming(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        b.putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(w).putInt(h).put(new byte[] {8, 2, 0, 0, 0}).putInt(0);
        b.putInt(0).put(new byte[] {'I', 'E', 'N', 'D'}).putInt(0xAE426082);
        return b.array();
    }

    /** SOI + SOF0 claiming the given size + EOI. */
    static byte[] jpegClaiming(int w, int h) {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 11, 8,
                (byte) (h >> 8), (byte) h, (byte) (w >> 8), (byte) w, 1, 1, 0x11, 0, (byte) 0xFF, (byte) 0xD9};
    }

    @Test
    void readsDimensionsOfRealPngAndJpeg() {
        var img = TestScenes.scene(320, 200);
        ImageHeader png = ImageHeader.probe(TestScenes.encode(img, "png"));
        ImageHeader jpg = ImageHeader.probe(TestScenes.encode(img, "jpg"));
        assertEquals(new ImageHeader("png", 320, 200), png);
        assertEquals(new ImageHeader("jpeg", 320, 200), jpg);
    }

    @Test
    void gigantic20000x20000HeadersAreRejectedWithoutDecoding() {
        for (byte[] b : new byte[][] {pngClaiming(20000, 20000), jpegClaiming(20000, 20000)}) {
            ImageHeader h = ImageHeader.probe(b);
            assertEquals(20000, h.width());
            var e = assertThrows(ImageRejectedException.class, () -> h.requireWithin(40_000_000));
            assertEquals(Reason.TOO_LARGE, e.reason());
        }
    }

    @Test
    void zeroSizeIsRejected() {
        var e = assertThrows(ImageRejectedException.class, () -> ImageHeader.probe(pngClaiming(0, 10)).requireWithin(100));
        assertEquals(Reason.ZERO_SIZE, e.reason());
    }

    @Test
    void emptyTruncatedAndNonImageInputsHaveTheirOwnReason() {
        assertEquals(Reason.EMPTY, reason(new byte[0]));
        assertEquals(Reason.EMPTY, reason(null));
        assertEquals(Reason.NOT_AN_IMAGE, reason("hello, I am a text file".getBytes()));
        byte[] jpg = TestScenes.encode(TestScenes.scene(320, 200), "jpg");
        assertEquals(Reason.TRUNCATED, reason(Arrays.copyOf(jpg, jpg.length / 2)));
        assertEquals(Reason.TRUNCATED, reason(Arrays.copyOf(jpg, 6)));
        byte[] png = TestScenes.encode(TestScenes.scene(320, 200), "png");
        assertEquals(Reason.TRUNCATED, reason(Arrays.copyOf(png, png.length - 20)));
        assertEquals(Reason.TRUNCATED, reason(Arrays.copyOf(png, 12)));
    }

    private static Reason reason(byte[] b) {
        return assertThrows(ImageRejectedException.class, () -> ImageHeader.probe(b)).reason();
    }
}
