package org.anpr.ocr.rectify;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_imgproc.ADAPTIVE_THRESH_MEAN_C;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.adaptiveThreshold;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.util.ArrayList;
import java.util.List;
import org.anpr.ocr.Quad;
import org.anpr.ocr.image.Components;
import org.anpr.ocr.image.Components.Blob;
import org.anpr.ocr.image.LineFit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Stage 2: rectification. Warps the detected quadrilateral (perspective) to an upright plate of
 * fixed height, then measures the residual skew of the character row and, if it is more than a
 * degree or so, rotates the quad by that angle and warps again (deskew).
 */
public final class PlateRectifier {
    private static final double MAX_ASPECT = 8;
    private final int plateHeight;

    public PlateRectifier(int plateHeight) {
        this.plateHeight = plateHeight;
    }

    public RectifiedPlate rectify(Mat frameBgr, Quad quad) {
        Mat plate = warp(frameBgr, quad);
        double skew = residualSkew(plate);
        if (Math.abs(skew) > Math.toRadians(1.5)) {
            Quad straightened = quad.rotated(skew);
            return new RectifiedPlate(warp(frameBgr, straightened), straightened);
        }
        return new RectifiedPlate(plate, quad);
    }

    /** The plain perspective warp without deskew (for tests and diagnostics). */
    Mat warpForTest(Mat frame, Quad q) {
        return warp(frame, q);
    }

    private Mat warp(Mat frame, Quad q) {
        double aspect = Math.max(1, Math.min(MAX_ASPECT, q.width() / Math.max(1, q.height())));
        int w = (int) Math.round(plateHeight * aspect), h = plateHeight;
        float[] src = new float[8];
        for (int i = 0; i < 4; i++) {
            src[2 * i] = (float) q.get(i).x();
            src[2 * i + 1] = (float) q.get(i).y();
        }
        float[] dst = {0, 0, w, 0, w, h, 0, h};
        Mat m = getPerspectiveTransform(points(src), points(dst));
        Mat out = new Mat();
        warpPerspective(frame, out, m, new Size(w, h), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
        return out;
    }

    private static Mat points(float[] xy) {
        Mat m = new Mat(4, 1, CV_32FC2);
        new FloatPointer(m.data()).put(xy);
        return m;
    }

    /** Angle of the line through the bottoms of character-sized blobs, radians (0 = level). */
    static double residualSkew(Mat plateBgr) {
        Mat gray = new Mat();
        cvtColor(plateBgr, gray, COLOR_BGR2GRAY);
        Mat mask = new Mat();
        int block = (plateBgr.rows() / 2) | 1;
        adaptiveThreshold(gray, mask, 255, ADAPTIVE_THRESH_MEAN_C, THRESH_BINARY_INV, block, 10);
        List<Blob> chars = new ArrayList<>();
        int h = plateBgr.rows();
        for (Blob b : Components.of(mask)) {
            if (b.h() > 0.35 * h && b.h() < 0.95 * h && b.w() < 0.8 * b.h() && b.w() > 0.1 * b.h()) {
                chars.add(b);
            }
        }
        if (chars.size() < 4) {
            return 0;
        }
        double[] xs = chars.stream().mapToDouble(Blob::cx).toArray();
        double[] ys = chars.stream().mapToDouble(Blob::bottom).toArray();
        return Math.atan(LineFit.slope(xs, ys));
    }
}
