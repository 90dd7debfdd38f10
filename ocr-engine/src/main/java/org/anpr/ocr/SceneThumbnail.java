package org.anpr.ocr;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A frame shrunk to a tiny grey image, and how far apart two of them are: consecutive frames of one
 * camera watching one road differ a little (a vehicle moves through the view), while a cut to
 * another scene (the next photograph of a folder of stills) changes nearly everything. Costs about a
 * millisecond a frame.
 */
public final class SceneThumbnail {
    public static final int SIDE = 16;

    private SceneThumbnail() {
    }

    /** {@code bgr} as {@value #SIDE}x{@value #SIDE} grey levels, row by row. */
    public static byte[] of(Mat bgr) {
        try (Mat small = new Mat(); Mat grey = new Mat()) {
            resize(bgr, small, new Size(SIDE, SIDE), 0, 0, INTER_AREA);
            cvtColor(small, grey, COLOR_BGR2GRAY);
            byte[] out = new byte[SIDE * SIDE];
            grey.data().get(out);
            return out;
        }
    }

    /** Mean absolute difference of two thumbnails, 0..255; -1 when either is missing. */
    public static double difference(byte[] a, byte[] b) {
        if (a == null || b == null || a.length != b.length || a.length == 0) {
            return -1;
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return sum / (double) a.length;
    }
}
