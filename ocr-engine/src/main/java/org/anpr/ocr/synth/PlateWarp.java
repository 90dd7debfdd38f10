package org.anpr.ocr.synth;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.awt.image.BufferedImage;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

/** Pastes a flat plate image into a BGR canvas under a perspective mapping. */
final class PlateWarp {

    private PlateWarp() {
    }

    /**
     * @param xs, ys destination corners TL, TR, BR, BL in canvas pixels
     */
    static void paste(Mat canvas, BufferedImage plateAbgr, double[] xs, double[] ys) {
        int w = plateAbgr.getWidth();
        int h = plateAbgr.getHeight();
        // warp only into the quad's bounding box: a full-HD frame would cost 40x more per plate
        int x0 = (int) Math.max(0, Math.floor(Math.min(Math.min(xs[0], xs[1]), Math.min(xs[2], xs[3]))) - 1);
        int y0 = (int) Math.max(0, Math.floor(Math.min(Math.min(ys[0], ys[1]), Math.min(ys[2], ys[3]))) - 1);
        int x1 = (int) Math.min(canvas.cols(), Math.ceil(Math.max(Math.max(xs[0], xs[1]), Math.max(xs[2], xs[3]))) + 2);
        int y1 = (int) Math.min(canvas.rows(), Math.ceil(Math.max(Math.max(ys[0], ys[1]), Math.max(ys[2], ys[3]))) + 2);
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        double[] lx = new double[4];
        double[] ly = new double[4];
        for (int i = 0; i < 4; i++) {
            lx[i] = xs[i] - x0;
            ly[i] = ys[i] - y0;
        }
        try (Mat src = points(new double[]{0, w, w, 0}, new double[]{0, 0, h, h});
             Mat dst = points(lx, ly);
             Mat hom = getPerspectiveTransform(src, dst);
             Mat plate = Images.toBgr(plateAbgr);
             Mat alpha = Images.alpha(plateAbgr);
             Mat warped = new Mat();
             Mat mask = new Mat();
             Rect box = new Rect(x0, y0, x1 - x0, y1 - y0);
             Mat roi = new Mat(canvas, box);
             Mat target = roi.clone();
             Size size = new Size(box.width(), box.height());
             Scalar zero = new Scalar(0.0)) {
            warpPerspective(plate, warped, hom, size, INTER_LINEAR, BORDER_CONSTANT, zero);
            warpPerspective(alpha, mask, hom, size, INTER_LINEAR, BORDER_CONSTANT, zero);
            blend(target, warped, mask);
            target.copyTo(roi);
        }
    }

    /** canvas = canvas * (1 - a) + warped * a, per pixel; a soft mask keeps the edges anti-aliased. */
    private static void blend(Mat canvas, Mat warped, Mat mask) {
        int n = canvas.rows() * canvas.cols();
        byte[] c = new byte[n * 3];
        byte[] p = new byte[n * 3];
        byte[] a = new byte[n];
        canvas.data().get(c);
        warped.data().get(p);
        mask.data().get(a);
        for (int i = 0; i < n; i++) {
            int ai = a[i] & 0xff;
            if (ai == 0) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                int j = 3 * i + k;
                c[j] = (byte) (((c[j] & 0xff) * (255 - ai) + (p[j] & 0xff) * ai) / 255);
            }
        }
        canvas.data().put(c);
    }

    private static Mat points(double[] xs, double[] ys) {
        Mat m = new Mat(4, 1, CV_32FC2);
        try (FloatIndexer idx = m.createIndexer()) {
            for (int i = 0; i < 4; i++) {
                idx.put(i, 0, 0, (float) xs[i]);
                idx.put(i, 0, 1, (float) ys[i]);
            }
        }
        return m;
    }
}
