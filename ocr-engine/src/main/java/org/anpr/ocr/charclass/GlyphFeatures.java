package org.anpr.ocr.charclass;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.HOGDescriptor;

import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.NORM_MINMAX;
import static org.bytedeco.opencv.global.opencv_core.normalize;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * HOG of one glyph, plus its aspect ratio. The glyph keeps its proportions inside a fixed
 * {@value #W}×{@value #H} window (narrow I and 1 stay narrow), after a min-max contrast stretch.
 */
public final class GlyphFeatures implements AutoCloseable {

    static final int W = 16;
    static final int H = 32;
    private final HOGDescriptor hog;

    public GlyphFeatures() {
        try (Size win = new Size(W, H); Size block = new Size(8, 8); Size stride = new Size(4, 4);
             Size cell = new Size(4, 4)) {
            hog = new HOGDescriptor(win, block, stride, cell, 9);
        }
    }

    /** Feature length. */
    public int length() {
        return (int) hog.getDescriptorSize() + 2;
    }

    /**
     * The usual glyph width of a plate: median width of its boxes, narrow 1/I excluded. O versus 0 and
     * M/W versus narrower letters differ mostly in width relative to the other characters of the same
     * plate, since national fonts are condensed to different degrees.
     */
    public static double typicalWidth(List<int[]> boxes) {
        double[] w = boxes.stream().filter(b -> b[2] >= 0.35 * b[3]).mapToDouble(b -> b[2]).sorted().toArray();
        if (w.length == 0) {
            return boxes.isEmpty() ? 1 : boxes.get(0)[3] * 0.5;
        }
        return w[w.length / 2];
    }

    /**
     * Features of the glyph at {@code box} (x, y, w, h) in the normalised grey plate; an inverted
     * (light on dark) glyph is flipped to dark on light first, as the classifier was trained.
     * {@code typicalWidth}: see {@link #typicalWidth}.
     */
    public float[] of(Mat gray, int[] box, boolean inverted, double typicalWidth) {
        int pad = 2;
        int x0 = Math.max(0, box[0] - pad), y0 = Math.max(0, box[1] - pad);
        int x1 = Math.min(gray.cols(), box[0] + box[2] + pad), y1 = Math.min(gray.rows(), box[1] + box[3] + pad);
        int gh = y1 - y0, gw = x1 - x0;
        int tw = Math.max(1, Math.min(W, (int) Math.round((double) gw * H / gh)));
        float[] out = new float[length()];
        try (Rect r = new Rect(x0, y0, gw, gh); Mat glyph = new Mat(gray, r); Mat norm = new Mat();
             Mat scaled = new Mat(); Size ts = new Size(tw, H); Scalar white = new Scalar(255.0);
             Mat window = new Mat(H, W, CV_8UC1, white); Rect dst = new Rect((W - tw) / 2, 0, tw, H);
             Mat roi = new Mat(window, dst); FloatPointer descriptor = new FloatPointer(); Mat noMask = new Mat()) {
            normalize(glyph, norm, inverted ? 255 : 0, inverted ? 0 : 255, NORM_MINMAX, -1, noMask);
            resize(norm, scaled, ts, 0, 0, INTER_AREA);
            scaled.copyTo(roi);
            hog.compute(window, descriptor);
            descriptor.get(out, 0, out.length - 2);
        }
        out[out.length - 2] = (float) box[2] / box[3];
        out[out.length - 1] = (float) (box[2] / Math.max(1, typicalWidth));
        return out;
    }

    @Override
    public void close() {
        hog.close();
    }
}
