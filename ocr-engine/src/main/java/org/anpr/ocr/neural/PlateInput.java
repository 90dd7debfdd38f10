package org.anpr.ocr.neural;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The neural reader's input: a grey plate crop stretched to {@link #WIDTH} x {@link #HEIGHT}. The
 * training set is written through this same method ({@code NeuralDatasetMain}), so what the network
 * saw in training and what it sees at run time are resized alike. Stretching (not padding) keeps
 * every layout, 4.7:1 European and 2:1 American, filling the input; the network learns the squeeze.
 */
public final class PlateInput {
    public static final int HEIGHT = 32;
    public static final int WIDTH = 128;

    private PlateInput() {
    }

    /** A new 8-bit {@link #WIDTH} x {@link #HEIGHT} image; the caller closes it. */
    public static Mat prepare(Mat gray) {
        if (gray.channels() != 1 || gray.empty()) {
            throw new IllegalArgumentException("a non-empty 8-bit grey crop is expected, got " + gray.channels() + " channels");
        }
        Mat out = new Mat();
        // Area averaging when shrinking avoids aliasing of thin strokes; linear when enlarging small plates.
        int interpolation = gray.rows() > HEIGHT || gray.cols() > WIDTH ? INTER_AREA : INTER_LINEAR;
        try (Size size = new Size(WIDTH, HEIGHT)) {
            resize(gray, out, size, 0, 0, interpolation);
        }
        return out;
    }
}
