package org.anpr.ocr.neural;

import java.nio.FloatBuffer;
import org.anpr.ocr.ocr.CharacterReader;
import org.anpr.ocr.ocr.OcrLine;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.DNN_BACKEND_OPENCV;
import static org.bytedeco.opencv.global.opencv_dnn.DNN_TARGET_CPU;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromONNX;

/**
 * Reads a whole grey plate crop with the project's trained network (a convolutional CTC reader,
 * {@code ocr-engine/training/plate_reader}) run by OpenCV's DNN module. The network's output is, per
 * input column group, the probabilities of blank + the alphabet; {@link CtcDecoder} turns them into
 * symbols with alternatives. Owns a native {@link Net}: one reader per worker thread.
 */
public final class NeuralPlateReader implements CharacterReader {
    private final Net net;
    private final CtcDecoder decoder;
    private final int classes;

    /** A reader on the model shipped in the jar. */
    public static NeuralPlateReader bundled() {
        return new NeuralPlateReader(PlateReaderModel.bundled());
    }

    public NeuralPlateReader(PlateReaderModel model) {
        try (BytePointer bytes = new BytePointer(model.onnx())) {
            this.net = readNetFromONNX(bytes, model.onnx().length);
        } catch (RuntimeException e) { // OpenCV's parser error, e.g. a file that is not ONNX
            throw new IllegalStateException("OpenCV DNN could not load the plate reader model " + model.name() + ": "
                    + e.getMessage(), e);
        }
        if (net.empty()) {
            net.close();
            throw new IllegalStateException("OpenCV DNN could not load the plate reader model " + model.name());
        }
        net.setPreferableBackend(DNN_BACKEND_OPENCV);
        net.setPreferableTarget(DNN_TARGET_CPU);
        this.decoder = new CtcDecoder(model.alphabet());
        this.classes = model.alphabet().length() + 1;
    }

    /** Reads an 8-bit grey crop of any size and polarity; symbols' extents are in the crop's pixels. */
    @Override
    public OcrLine read(Mat gray) {
        float[][] probs = probabilities(gray);
        return decoder.decode(probs, gray.cols() / (double) probs.length);
    }

    /** Per output column, the softmax over blank + alphabet. */
    float[][] probabilities(Mat gray) {
        try (Mat input = PlateInput.prepare(gray);
             Size size = new Size(PlateInput.WIDTH, PlateInput.HEIGHT);
             Scalar mean = new Scalar(127.5);
             Mat blob = blobFromImage(input, 1 / 127.5, size, mean, false, false, CV_32F)) {
            net.setInput(blob);
            try (Mat out = net.forward()) {
                // (1, classes, 1, columns), contiguous
                if (out.dims() != 4 || out.size(1) != classes) {
                    throw new IllegalStateException("plate reader output has an unexpected shape: " + out.dims()
                            + " dims, " + out.size(1) + " classes (expected " + classes + ")");
                }
                int columns = out.size(3);
                FloatBuffer logits = out.createBuffer();
                float[][] probs = new float[columns][classes];
                for (int t = 0; t < columns; t++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int c = 0; c < classes; c++) {
                        probs[t][c] = logits.get(c * columns + t);
                        max = Math.max(max, probs[t][c]);
                    }
                    double sum = 0;
                    for (int c = 0; c < classes; c++) {
                        probs[t][c] = (float) Math.exp(probs[t][c] - max);
                        sum += probs[t][c];
                    }
                    for (int c = 0; c < classes; c++) {
                        probs[t][c] /= (float) sum;
                    }
                }
                return probs;
            }
        }
    }

    @Override
    public void close() {
        net.close();
    }
}
