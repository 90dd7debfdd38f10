package org.anpr.bench.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.anpr.ocr.RecognizerConfig;
import org.anpr.ocr.binarize.BinarizedPlate;
import org.anpr.ocr.binarize.PlateBinarizer;
import org.anpr.ocr.neural.NeuralPlateReader;
import org.anpr.ocr.ocr.OcrLine;
import org.anpr.ocr.ocr.SkippedGlyphs;
import org.anpr.ocr.ocr.TesseractReader;
import org.anpr.ocr.rectify.PlateRectifier;
import org.anpr.ocr.rectify.RectifiedPlate;
import org.anpr.ocr.synth.PlateTruth;
import org.anpr.ocr.synth.Scene;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Reading one rectified plate crop. The crops are cut in the setup from synthetic 1920x1080 EU
 * scenes with {@link PlateRectifier} at the scene's true plate quadrilateral (so detection does not
 * decide which crop is measured), {@code plateHeight} 64 px:
 * <ul>
 *   <li>{@code ocr}: the OCR stage alone, as {@code Stage.OCR} times it: Tesseract LSTM on the
 *       binarised crop ({@link TesseractReader#read}) plus skipped-glyph recovery
 *       ({@link SkippedGlyphs#recover}, single-character reads of glyphs the line model dropped);</li>
 *   <li>{@code binarizeAndOcr}: rectified colour crop → {@link PlateBinarizer} → the same OCR;</li>
 *   <li>{@code neural}: the default reader, {@link NeuralPlateReader} with the bundled network, on the
 *       grey rectified crop (as the pipeline hands it over).</li>
 * </ul>
 * One {@link TesseractReader} (one native Tesseract handle) with the recogniser's Tesseract model,
 * one neural reader (one OpenCV DNN net).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class PlateOcrBenchmark {
    private TesseractReader reader;
    private NeuralPlateReader neural;
    private final List<Mat> grays = new ArrayList<>();
    private final PlateBinarizer binarizer = new PlateBinarizer();
    private final List<RectifiedPlate> crops = new ArrayList<>();
    private final List<BinarizedPlate> binarized = new ArrayList<>();
    private final List<Mat> frames = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        RecognizerConfig config = RecognizerConfig.defaults();
        PlateRectifier rectifier = new PlateRectifier(config.plateHeight());
        for (Scene s : BenchScenes.render("1920x1080")) {
            Mat frame = s.toMat();
            frames.add(frame);
            for (PlateTruth truth : s.plates()) {
                RectifiedPlate crop = rectifier.rectify(frame, truth.quad());
                Optional<BinarizedPlate> clean = binarizer.binarize(crop.bgr());
                if (clean.isPresent() && clean.get().charCount() >= 3) { // what the pipeline hands to OCR
                    crops.add(crop);
                    binarized.add(clean.get());
                    Mat gray = new Mat();
                    cvtColor(crop.bgr(), gray, COLOR_BGR2GRAY);
                    grays.add(gray);
                }
            }
        }
        if (crops.isEmpty()) {
            throw new IllegalStateException("no readable plate crop in the benchmark scenes");
        }
        reader = new TesseractReader(config.tessdataPath(), config.language());
        neural = NeuralPlateReader.bundled();
    }

    @TearDown
    public void tearDown() {
        reader.close();
        neural.close();
        grays.forEach(Mat::close);
        frames.forEach(Mat::close);
        frames.clear();
    }

    @Benchmark
    public OcrLine ocr() {
        BinarizedPlate plate = binarized.get(next);
        next = (next + 1) % binarized.size();
        try (PointerScope scope = new PointerScope()) {
            return SkippedGlyphs.recover(reader.read(plate.text()), plate, reader);
        }
    }

    @Benchmark
    public OcrLine neural() {
        Mat gray = grays.get(next);
        next = (next + 1) % grays.size();
        try (PointerScope scope = new PointerScope()) {
            return neural.read(gray);
        }
    }

    @Benchmark
    public Optional<OcrLine> binarizeAndOcr() {
        RectifiedPlate crop = crops.get(next);
        next = (next + 1) % crops.size();
        try (PointerScope scope = new PointerScope()) {
            return binarizer.binarize(crop.bgr())
                    .map(plate -> SkippedGlyphs.recover(reader.read(plate.text()), plate, reader));
        }
    }
}
