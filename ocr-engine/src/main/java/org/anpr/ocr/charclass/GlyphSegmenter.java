package org.anpr.ocr.charclass;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_imgproc.ADAPTIVE_THRESH_GAUSSIAN_C;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.adaptiveThreshold;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Splits a plate crop into character boxes: scale to {@link #HEIGHT} px, adaptive threshold (characters
 * dark on a light plate, the inverse is tried when that finds too few), connected components, then the
 * row of similar-height, aligned blobs. The EU band letters, stars, seals and frame are dropped by size.
 */
public final class GlyphSegmenter {

    /** Working height of the normalised plate. */
    public static final int HEIGHT = 64;

    /**
     * A normalised plate and its glyph boxes (x, y, w, h), left to right. {@code inverted}: light
     * characters on a dark plate. The caller closes it.
     */
    public record Segmentation(Mat gray, List<int[]> boxes, boolean inverted) implements AutoCloseable {
        @Override
        public void close() {
            gray.close();
        }
    }

    /** Segments an 8-bit grey plate crop assuming dark characters on a light plate, or the inverse. */
    public Segmentation segment(Mat grayCrop, boolean inverted) {
        Mat gray = new Mat();
        int w = Math.max(8, Math.min(HEIGHT * 12, grayCrop.cols() * HEIGHT / Math.max(1, grayCrop.rows())));
        try (Size size = new Size(w, HEIGHT)) {
            resize(grayCrop, gray, size, 0, 0, grayCrop.rows() < HEIGHT ? INTER_CUBIC : INTER_AREA);
        }
        return new Segmentation(gray, glyphs(gray, inverted), inverted);
    }

    private static List<int[]> glyphs(Mat gray, boolean invert) {
        List<int[]> blobs = new ArrayList<>();
        try (Mat bin = new Mat(); Mat labels = new Mat(); Mat stats = new Mat(); Mat centroids = new Mat()) {
            adaptiveThreshold(gray, bin, 255, ADAPTIVE_THRESH_GAUSSIAN_C, THRESH_BINARY_INV, 2 * (HEIGHT / 3) + 1, 7);
            if (invert) {
                bitwise_not(bin, bin);
            }
            int n = connectedComponentsWithStats(bin, labels, stats, centroids, 8, CV_32S);
            try (IntIndexer s = stats.createIndexer()) {
                for (int i = 1; i < n; i++) {
                    int x = s.get(i, 0), y = s.get(i, 1), bw = s.get(i, 2), bh = s.get(i, 3), area = s.get(i, 4);
                    double fill = (double) area / (bw * bh);
                    // a blob touching the left or right edge is the plate frame or the car, not a character
                    boolean edge = x <= 0 || x + bw >= gray.cols();
                    if (!edge && bh >= 0.3 * HEIGHT && bh <= 0.97 * HEIGHT && bw >= 2 && bw <= 1.3 * bh
                            && fill > 0.12 && fill < 0.92) {
                        blobs.add(new int[]{x, y, bw, bh});
                    }
                }
            }
        }
        return row(blobs);
    }

    /** Keeps the blobs of the dominant text row: similar height, similar vertical centre; merges broken ones. */
    private static List<int[]> row(List<int[]> blobs) {
        if (blobs.isEmpty()) {
            return blobs;
        }
        double medH = median(blobs.stream().mapToDouble(b -> b[3]).toArray());
        double medCy = median(blobs.stream().filter(b -> b[3] > 0.8 * medH).mapToDouble(b -> b[1] + b[3] / 2.0).toArray());
        List<int[]> row = new ArrayList<>();
        for (int[] b : blobs) {
            if (b[3] >= 0.75 * medH && b[3] <= 1.3 * medH && Math.abs(b[1] + b[3] / 2.0 - medCy) < 0.2 * medH) {
                row.add(b);
            }
        }
        row.sort(Comparator.comparingInt(b -> b[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] b : row) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && overlapX(last, b) > 0.5 * Math.min(last[2], b[2])) {
                int x0 = Math.min(last[0], b[0]), y0 = Math.min(last[1], b[1]);
                int x1 = Math.max(last[0] + last[2], b[0] + b[2]), y1 = Math.max(last[1] + last[3], b[1] + b[3]);
                merged.set(merged.size() - 1, new int[]{x0, y0, x1 - x0, y1 - y0});
            } else {
                merged.add(b);
            }
        }
        return merged;
    }

    private static int overlapX(int[] a, int[] b) {
        return Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
