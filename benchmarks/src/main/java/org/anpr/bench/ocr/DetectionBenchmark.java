package org.anpr.bench.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.anpr.ocr.RecognizerConfig;
import org.anpr.ocr.detect.PlateDetector;
import org.anpr.ocr.detect.PlateRegion;
import org.anpr.ocr.synth.Scene;
import org.bytedeco.javacpp.PointerScope;
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
 * The detect stage alone: {@link PlateDetector#detect} on a decoded BGR frame (grey copy
 * downscaled to {@code detectionWidth}, character-group and edge-morphology proposers, merge, top-K)
 * with the recogniser's default {@code detectionWidth} and {@code maxRegions}. Each call runs in a
 * {@link PointerScope}, as inside {@code PlateRecognizer}, so its Mats are freed per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class DetectionBenchmark {
    @Param({"1280x720", "1920x1080"})
    public String size;

    private PlateDetector detector;
    private final List<Mat> frames = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        for (Scene s : BenchScenes.render(size)) {
            frames.add(s.toMat());
        }
        RecognizerConfig defaults = RecognizerConfig.defaults();
        detector = new PlateDetector(defaults.detectionWidth(), defaults.maxRegions());
    }

    @TearDown
    public void tearDown() {
        frames.forEach(Mat::close);
        frames.clear();
    }

    @Benchmark
    public List<PlateRegion> detect() {
        Mat frame = frames.get(next);
        next = (next + 1) % frames.size();
        try (PointerScope scope = new PointerScope()) {
            return detector.detect(frame);
        }
    }
}
