package org.anpr.ocr.synth;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.Random;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * Vehicle-like surroundings: road, car body with windscreen, lights and grille. Detection must find the
 * plate among these edges, so the grille slats and light clusters are deliberately plate-like in scale.
 */
final class VehiclePainter {

    private static final double[][] BODY_COLOURS = {
            {235, 235, 235}, {30, 30, 30}, {150, 150, 150}, {190, 190, 195}, {40, 40, 160}, {140, 60, 20},
            {30, 90, 30}, {60, 60, 70}, {200, 170, 120}, {20, 20, 110}};

    private VehiclePainter() {
    }

    static Scalar bodyColour(Random rnd) {
        double[] c = BODY_COLOURS[rnd.nextInt(BODY_COLOURS.length)];
        int d = rnd.nextInt(31) - 15;
        return new Scalar(c[0] + d, c[1] + d, c[2] + d, 0);
    }

    /** Horizontal slats, panel edges and shadows over the whole canvas, as around a plate on a bumper. */
    static void texture(Mat canvas, Random rnd) {
        int w = canvas.cols();
        int h = canvas.rows();
        int n = 2 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            int y = rnd.nextInt(h);
            int v = rnd.nextInt(256);
            try (Point a = new Point(0, y); Point b = new Point(w, y + rnd.nextInt(9) - 4);
                 Scalar c = new Scalar(v, v, v, 0)) {
                line(canvas, a, b, c, 1 + rnd.nextInt(Math.max(1, h / 20)), LINE_AA, 0);
            }
        }
    }

    /** Fills the frame with asphalt and lane markings. */
    static void road(Mat frame, Random rnd) {
        int g = 70 + rnd.nextInt(60);
        try (Scalar asphalt = new Scalar(g, g, g + 5, 0)) {
            frame.put(asphalt);
        }
        int w = frame.cols();
        int h = frame.rows();
        for (int lane = 1; lane < 4; lane++) {
            int x = w * lane / 4;
            for (int y = 0; y < h; y += h / 6) {
                try (Point a = new Point(x + (y - h / 2) / 8, y); Point b = new Point(x + (y + h / 12 - h / 2) / 8, y + h / 12);
                     Scalar white = new Scalar(220, 220, 220, 0)) {
                    line(frame, a, b, white, Math.max(2, w / 160), LINE_AA, 0);
                }
            }
        }
    }

    /**
     * Draws a car front seen from a gantry into {@code body} and returns where its plate goes
     * (x, y, width, height in frame pixels).
     */
    static double[] car(Mat frame, Rect body, double plateAspect, Random rnd) {
        int x = body.x();
        int y = body.y();
        int w = body.width();
        int h = body.height();
        try (Scalar colour = bodyColour(rnd); Scalar glass = new Scalar(40, 35, 30, 0);
             Scalar dark = new Scalar(25, 25, 25, 0); Scalar light = new Scalar(230, 235, 240, 0);
             Scalar slat = new Scalar(90, 90, 90, 0)) {
            rect(frame, x, y, w, h, colour);
            rect(frame, x + w / 10, y + h / 20, w * 8 / 10, h * 2 / 5, glass);
            int ly = y + h * 11 / 20;
            try (Point c1 = new Point(x + w / 7, ly); Point c2 = new Point(x + w * 6 / 7, ly);
                 Size axes = new Size(w / 10, h / 16)) {
                ellipse(frame, c1, axes, 0, 0, 360, light, FILLED, LINE_AA, 0);
                ellipse(frame, c2, axes, 0, 0, 360, light, FILLED, LINE_AA, 0);
            }
            int gx = x + w * 3 / 10;
            int gw = w * 4 / 10;
            rect(frame, gx, ly - h / 14, gw, h / 7, dark);
            for (int s = 1; s < 4; s++) {
                int sy = ly - h / 14 + s * h / 28;
                try (Point a = new Point(gx + 2, sy); Point b = new Point(gx + gw - 2, sy)) {
                    line(frame, a, b, slat, Math.max(1, h / 120), LINE_AA, 0);
                }
            }
            double pw = w * (0.30 + rnd.nextDouble() * 0.06);
            double ph = pw / plateAspect;
            return new double[]{x + (w - pw) / 2, y + h * 0.70, pw, ph};
        }
    }

    private static void rect(Mat m, int x, int y, int w, int h, Scalar c) {
        try (Rect r = new Rect(x, y, w, h)) {
            rectangle(m, r, c, FILLED, LINE_AA, 0);
        }
    }
}
