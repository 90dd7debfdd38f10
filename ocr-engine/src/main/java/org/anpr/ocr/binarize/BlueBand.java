package org.anpr.ocr.binarize;

import static org.bytedeco.opencv.global.opencv_core.inRange;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Finds the blue EU country band (and the Italian/Portuguese right band) by colour: columns near
 * an edge where most pixels are saturated blue.
 */
final class BlueBand {
    private static final double COLUMN_BLUE = 0.5;

    private BlueBand() {
    }

    /** Column mask of "blue" columns of a BGR plate. */
    static boolean[] blueColumns(Mat bgr) {
        Mat hsv = new Mat();
        cvtColor(bgr, hsv, COLOR_BGR2HSV);
        Mat mask = new Mat();
        // OpenCV hue is 0-180: blue is about 100-130.
        inRange(hsv, new Mat(new Scalar(95, 110, 40, 0)), new Mat(new Scalar(135, 255, 255, 0)), mask);
        int w = mask.cols(), h = mask.rows();
        byte[] px = new byte[w * h];
        Mat cont = mask.isContinuous() ? mask : mask.clone();
        new BytePointer(cont.data()).get(px);
        boolean[] blue = new boolean[w];
        int y0 = h / 10, y1 = h - h / 10;
        for (int x = 0; x < w; x++) {
            int n = 0;
            for (int y = y0; y < y1; y++) {
                n += px[y * w + x] != 0 ? 1 : 0;
            }
            blue[x] = n > COLUMN_BLUE * (y1 - y0);
        }
        return blue;
    }

    /** Columns up to the end of a blue run starting near the left edge; 0 if none. */
    static int leftCut(boolean[] blue, int plateHeight) {
        // The EU band is about 0.4 plate heights wide; allow some slack for a loose crop.
        int w = blue.length, limit = Math.min(w / 4, plateHeight), start = -1;
        for (int x = 0; x < Math.max(1, w / 12); x++) {
            if (blue[x]) {
                start = x;
                break;
            }
        }
        if (start < 0) {
            return 0;
        }
        int x = start;
        while (x < limit && (blue[x] || (x + 1 < w && blue[x + 1]))) {
            x++;
        }
        return x - start >= 3 ? Math.min(limit, x + 1) : 0;
    }

    /** Same as {@link #leftCut} mirrored, returned as the number of columns to drop on the right. */
    static int rightCut(boolean[] blue, int plateHeight) {
        boolean[] mirrored = new boolean[blue.length];
        for (int i = 0; i < blue.length; i++) {
            mirrored[i] = blue[blue.length - 1 - i];
        }
        return leftCut(mirrored, plateHeight);
    }
}
