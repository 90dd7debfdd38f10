package org.anpr.ocr.image;

import org.anpr.ocr.ImageRejectedException;
import org.anpr.ocr.ImageRejectedException.Reason;

/**
 * Reads an encoded image's format and dimensions from its header, without decoding pixels.
 * This runs before OpenCV sees the bytes, so a header claiming 20000x20000 is refused before
 * the decoder allocates anything.
 *
 * @param format "png", "jpeg" or "bmp"
 */
public record ImageHeader(String format, long width, long height) {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** Parses the header, or throws {@link ImageRejectedException} saying what is wrong. */
    public static ImageHeader probe(byte[] b) {
        if (b == null || b.length == 0) {
            throw new ImageRejectedException(Reason.EMPTY, "no image bytes");
        }
        if (startsWith(b, PNG_SIGNATURE)) {
            return png(b);
        }
        if (b.length >= 2 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8) {
            return jpeg(b);
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return bmp(b);
        }
        throw new ImageRejectedException(Reason.NOT_AN_IMAGE,
                "not a JPEG, PNG or BMP stream (" + b.length + " bytes, starts with " + hex(b) + ")");
    }

    private static ImageHeader png(byte[] b) {
        if (b.length < 24) {
            throw new ImageRejectedException(Reason.TRUNCATED, "PNG header cut off at " + b.length + " bytes");
        }
        if (!(b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R')) {
            throw new ImageRejectedException(Reason.CORRUPT, "PNG without IHDR chunk first");
        }
        long w = be32(b, 16), h = be32(b, 20);
        if (!containsNear(b, new byte[] {'I', 'E', 'N', 'D'}, 16)) {
            throw new ImageRejectedException(Reason.TRUNCATED, "PNG has no IEND chunk at its end (cut off?)");
        }
        return new ImageHeader("png", w, h);
    }

    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        while (true) {
            while (i < b.length && u8(b, i) == 0xFF && i + 1 < b.length && u8(b, i + 1) == 0xFF) {
                i++; // fill bytes
            }
            if (i + 4 > b.length) {
                throw new ImageRejectedException(Reason.TRUNCATED, "JPEG ends before its frame header");
            }
            if (u8(b, i) != 0xFF) {
                throw new ImageRejectedException(Reason.CORRUPT, "JPEG marker expected at byte " + i);
            }
            int marker = u8(b, i + 1);
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                throw new ImageRejectedException(Reason.CORRUPT, "JPEG without a frame header (SOF)");
            }
            int len = (u8(b, i + 2) << 8) | u8(b, i + 3);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (i + 9 > b.length) {
                    throw new ImageRejectedException(Reason.TRUNCATED, "JPEG frame header cut off");
                }
                long h = (u8(b, i + 5) << 8) | u8(b, i + 6);
                long w = (u8(b, i + 7) << 8) | u8(b, i + 8);
                if (!containsNear(b, new byte[] {(byte) 0xFF, (byte) 0xD9}, 64)) {
                    throw new ImageRejectedException(Reason.TRUNCATED, "JPEG has no end-of-image marker (cut off?)");
                }
                return new ImageHeader("jpeg", w, h);
            }
            if (len < 2) {
                throw new ImageRejectedException(Reason.CORRUPT, "JPEG segment length " + len);
            }
            i += 2 + len;
        }
    }

    private static ImageHeader bmp(byte[] b) {
        if (b.length < 26) {
            throw new ImageRejectedException(Reason.TRUNCATED, "BMP header cut off");
        }
        long w = le32(b, 18);
        long h = Math.abs((long) (int) le32(b, 22)); // negative height = top-down rows
        return new ImageHeader("bmp", w, h);
    }

    /** Throws if a dimension is zero or the pixel count exceeds {@code maxPixels}. */
    public ImageHeader requireWithin(long maxPixels) {
        return requireDimensions(format, width, height, maxPixels);
    }

    static ImageHeader requireDimensions(String format, long w, long h, long maxPixels) {
        if (w <= 0 || h <= 0) {
            throw new ImageRejectedException(Reason.ZERO_SIZE, format + " image is " + w + "x" + h);
        }
        if (w * h > maxPixels) {
            throw new ImageRejectedException(Reason.TOO_LARGE,
                    format + " image is " + w + "x" + h + " = " + (w * h) + " pixels, limit " + maxPixels);
        }
        return new ImageHeader(format, w, h);
    }

    private static boolean containsNear(byte[] b, byte[] needle, int tail) {
        for (int i = Math.max(0, b.length - tail); i + needle.length <= b.length; i++) {
            boolean hit = true;
            for (int j = 0; j < needle.length && hit; j++) {
                hit = b[i + j] == needle[j];
            }
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, byte[] p) {
        if (b.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (b[i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static long be32(byte[] b, int i) {
        return ((long) u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3);
    }

    private static long le32(byte[] b, int i) {
        return ((long) u8(b, i + 3) << 24) | (u8(b, i + 2) << 16) | (u8(b, i + 1) << 8) | u8(b, i);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, b.length); i++) {
            sb.append(String.format("%02x", b[i]));
        }
        return sb.toString();
    }
}
