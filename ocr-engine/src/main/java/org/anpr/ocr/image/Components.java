package org.anpr.ocr.image;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Connected components of a binary mask, copied into plain Java boxes. */
public final class Components {

    /** One blob: bounding box, pixel count and its label in {@link #labels(Mat, List)}'s label image. */
    public record Blob(int x, int y, int w, int h, int area, int label) {
        public double cx() {
            return x + w / 2.0;
        }

        public double cy() {
            return y + h / 2.0;
        }

        public int right() {
            return x + w;
        }

        public int bottom() {
            return y + h;
        }
    }

    private Components() {
    }

    /** Blobs of the non-zero pixels of {@code mask} (8-connectivity), background excluded. */
    public static List<Blob> of(Mat mask) {
        List<Blob> out = new ArrayList<>();
        labels(mask, out);
        return out;
    }

    /**
     * Like {@link #of} but also returns the CV_32S label image (pixel value = {@link Blob#label()}),
     * so a blob's own pixels can be picked out of an overlapping bounding box.
     */
    public static Mat labels(Mat mask, List<Blob> out) {
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int n = connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
        if (n <= 1) {
            return labels;
        }
        int cols = stats.cols(); // 5: left, top, width, height, area
        int[] s = new int[n * cols];
        new IntPointer(stats.data()).get(s);
        for (int i = 1; i < n; i++) {
            int o = i * cols;
            out.add(new Blob(s[o], s[o + 1], s[o + 2], s[o + 3], s[o + 4], i));
        }
        return labels;
    }
}
