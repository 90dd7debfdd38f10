package org.anpr.bench.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.anpr.ocr.PlateRecognizer;
import org.anpr.ocr.RecognitionResult;
import org.anpr.ocr.RecognizerConfig;
import org.anpr.ocr.synth.Scene;
import org.bytedeco.opencv.opencv_core.Mat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Whole-frame recognition latency, one frame at a time on one {@link PlateRecognizer} with one
 * worker context (region EU, default configuration: generic {@code eng} model unless
 * {@code ANPR_TESSDATA}/{@code ANPR_OCR_LANG} say otherwise):
 * <ul>
 *   <li>{@code recognizeEncoded}: JPEG bytes → candidates (decode, detect, rectify, binarize, OCR,
 *       syntax), what {@code eval} times per image;</li>
 *   <li>{@code recognizeDecoded}: an already decoded BGR {@code Mat} → candidates (no JPEG decode),
 *       as the edge agent's capture hands frames over.</li>
 * </ul>
 * {@link BenchScenes#FRAMES} synthetic EU scenes (one vehicle each) are rendered in the setup and
 * cycled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class FrameRecognitionBenchmark {
    @Param({"1280x720", "1920x1080"})
    public String size;

    private PlateRecognizer recognizer;
    private final List<byte[]> encoded = new ArrayList<>();
    private final List<Mat> decoded = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        for (Scene s : BenchScenes.render(size)) {
            encoded.add(s.encoded());
            decoded.add(s.toMat());
        }
        recognizer = new PlateRecognizer(RecognizerConfig.builder().workerThreads(1).build());
        recognizer.recognize(encoded.get(0)); // create the native context outside the measurement
    }

    @TearDown
    public void tearDown() {
        recognizer.close();
        decoded.forEach(Mat::close);
        decoded.clear();
    }

    @Benchmark
    public RecognitionResult recognizeEncoded() {
        byte[] frame = encoded.get(next);
        next = (next + 1) % encoded.size();
        return recognizer.recognize(frame);
    }

    @Benchmark
    public RecognitionResult recognizeDecoded() {
        Mat frame = decoded.get(next);
        next = (next + 1) % decoded.size();
        return recognizer.recognize(frame);
    }
}
