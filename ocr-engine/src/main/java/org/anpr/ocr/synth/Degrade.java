package org.anpr.ocr.synth;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_16SC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

/** Camera degradations applied in place to 8-bit BGR mats. Random parts come from the caller's seed. */
public final class Degrade {

    private Degrade() {
    }

    public static void gaussianBlur(Mat m, double sigma) {
        if (sigma > 0.05) {
            try (Size zero = new Size(0, 0)) {
                GaussianBlur(m, m, zero, sigma);
            }
        }
    }

    /** Linear motion blur of {@code length} pixels along {@code angleDeg}. */
    public static void motionBlur(Mat m, double length, double angleDeg) {
        if (length < 1.5) {
            return;
        }
        int k = (int) Math.ceil(length) | 1;
        double a = Math.toRadians(angleDeg);
        double dx = Math.cos(a) * (length - 1) / 2;
        double dy = Math.sin(a) * (length - 1) / 2;
        try (Scalar zero = new Scalar(0.0); Mat kernel = new Mat(k, k, CV_32F, zero);
             Point p1 = new Point((int) Math.round(k / 2.0 - dx - 0.5), (int) Math.round(k / 2.0 - dy - 0.5));
             Point p2 = new Point((int) Math.round(k / 2.0 + dx - 0.5), (int) Math.round(k / 2.0 + dy - 0.5));
             Scalar one = new Scalar(1.0)) {
            line(kernel, p1, p2, one, 1, LINE_AA, 0);
            double sum = org.bytedeco.opencv.global.opencv_core.sumElems(kernel).get(0);
            kernel.convertTo(kernel, CV_32F, 1.0 / sum, 0);
            filter2D(m, m, -1, kernel);
        }
    }

    /** Additive Gaussian sensor noise, deterministic for {@code seed}. */
    public static void noise(Mat m, double sigma, long seed) {
        if (sigma <= 0.1) {
            return;
        }
        // one channel of rows x (cols * channels) values, viewed as the image's shape for the add
        try (Mat wide = new Mat(); Mat flat = new Mat(m.rows(), m.cols() * m.channels(), CV_16SC1);
             RNG rng = new RNG(seed); Scalar zero = new Scalar(0.0); Scalar s = new Scalar(sigma);
             Mat mean = new Mat(1, 1, CV_64F, zero); Mat sd = new Mat(1, 1, CV_64F, s);
             Mat n = flat.reshape(m.channels(), m.rows())) {
            rng._fill(flat, RNG.NORMAL, mean, sd);
            m.convertTo(wide, n.type());
            add(wide, n, wide);
            wide.convertTo(m, m.type());
        }
    }

    /** Encodes to JPEG at {@code quality} and decodes back, keeping the block artefacts. */
    public static void jpeg(Mat m, int quality) {
        try (BytePointer buf = new BytePointer(); org.bytedeco.javacpp.IntPointer params =
                new org.bytedeco.javacpp.IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            imencode(".jpg", m, buf, params);
            try (Mat raw = new Mat(1, (int) buf.limit(), CV_8UC1, buf); Mat back = imdecode(raw, IMREAD_COLOR)) {
                back.copyTo(m);
            }
        }
    }

    /** Gain, offset and gamma: out = 255 * ((in * gain + offset) / 255) ^ gamma. */
    public static void tone(Mat m, double gain, double offset, double gamma) {
        try (Mat lut = new Mat(1, 256, CV_8UC1)) {
            byte[] t = new byte[256];
            for (int i = 0; i < 256; i++) {
                double v = Math.max(0, Math.min(255, i * gain + offset)) / 255.0;
                t[i] = (byte) Math.round(255 * Math.pow(v, gamma));
            }
            lut.data().put(t);
            LUT(m, lut, m);
        }
    }

    /** Monochrome, as an IR-illuminated camera sees it (kept as 3 equal channels). */
    public static void monochrome(Mat m) {
        try (Mat g = new Mat()) {
            cvtColor(m, g, COLOR_BGR2GRAY);
            cvtColor(g, m, COLOR_GRAY2BGR);
        }
    }
}
