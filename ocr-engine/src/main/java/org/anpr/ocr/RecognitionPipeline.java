package org.anpr.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.anpr.ocr.binarize.BinarizedPlate;
import org.anpr.ocr.binarize.PlateBinarizer;
import org.anpr.ocr.charclass.GlyphClassifier;
import org.anpr.ocr.charclass.GlyphReader;
import org.anpr.ocr.detect.PlateDetector;
import org.anpr.ocr.detect.PlateRegion;
import org.anpr.ocr.syntax.NonPlateText;
import org.anpr.ocr.fuse.OpinionPool;
import org.anpr.ocr.image.FrameDecoder;
import org.anpr.ocr.neural.NeuralPlateReader;
import org.anpr.ocr.neural.PlateReaderModel;
import org.anpr.ocr.ocr.BundledModels;
import org.anpr.ocr.ocr.CharacterReader;
import org.anpr.ocr.ocr.OcrLine;
import org.anpr.ocr.ocr.SkippedGlyphs;
import org.anpr.ocr.ocr.TesseractReader;
import org.anpr.ocr.rectify.PlateRectifier;
import org.anpr.ocr.rectify.RectifiedPlate;
import org.anpr.ocr.syntax.SyntaxProfile;
import org.anpr.ocr.syntax.SyntaxRanker;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.tesseract.global.tesseract.PSM_RAW_LINE;

/**
 * One worker context: the stages plus the native OCR handles they share. Used by one thread at a
 * time; {@link PlateRecognizer} pools these. Mats are released by the caller's PointerScope.
 * Each plate is read by the configured readers ({@link PlateReaderKind}: Tesseract on the binarised
 * characters, the plate-trained Tesseract model, the glyph classifier and the neural reader on the
 * grey plate), which have different failure modes; each reading is ranked by syntax and, when there
 * is more than one, the rankings are pooled ({@link OpinionPool}).
 */
final class RecognitionPipeline implements AutoCloseable {
    /** The name of the bundled plate-trained Tesseract model used as a second opinion. */
    static final String PLATE_MODEL = "anpr_plate";
    /** Readings per reader handed to the pool: deeper than topN, so agreement further down counts. */
    private static final int POOL_DEPTH = 10;
    /** Immutable and thread-safe: one copy for all contexts. */
    private static volatile GlyphClassifier glyphModel;

    private final RecognizerConfig config;
    final FrameDecoder decoder;
    private final PlateDetector detector;
    private final PlateRectifier rectifier;
    private final PlateBinarizer binarizer = new PlateBinarizer();
    private final SyntaxRanker ranker;
    private final CharacterReader reader;      // each null when that reader is off
    private final CharacterReader plateReader;
    private final GlyphReader glyphReader;
    private final CharacterReader neuralReader;

    /**
     * @param neuralModel the network for the neural reader, shared by all contexts (each builds its
     *                    own native net from it); null when that reader is off
     */
    RecognitionPipeline(RecognizerConfig config, SyntaxProfile profile, PlateReaderModel neuralModel) {
        this.config = config;
        this.decoder = new FrameDecoder(config.maxPixels(), config.maxEncodedBytes());
        this.detector = new PlateDetector(config.detectionWidth(), config.maxRegions());
        this.rectifier = new PlateRectifier(config.plateHeight());
        this.ranker = new SyntaxRanker(profile);
        Set<PlateReaderKind> on = config.readers();
        this.reader = on.contains(PlateReaderKind.TESSERACT)
                ? new TesseractReader(config.tessdataPath(), config.language()) : null;
        // Raw-line mode: the plate model was trained on whole plate crops, not on found text lines.
        this.plateReader = on.contains(PlateReaderKind.PLATE_MODEL)
                ? new TesseractReader(BundledModels.tessdata(PLATE_MODEL).orElseThrow(
                        () -> new IllegalStateException("no bundled model " + PLATE_MODEL)), PLATE_MODEL, PSM_RAW_LINE)
                : null;
        this.glyphReader = on.contains(PlateReaderKind.GLYPHS) ? new GlyphReader(glyphModel()) : null;
        this.neuralReader = on.contains(PlateReaderKind.NEURAL)
                ? new NeuralPlateReader(java.util.Objects.requireNonNull(neuralModel, "neuralModel")) : null;
    }

    /** The neural reader's network as the config names it, or null when that reader is off. */
    static PlateReaderModel neuralModel(RecognizerConfig config) {
        if (!config.readers().contains(PlateReaderKind.NEURAL)) {
            return null;
        }
        if (config.neuralModel() == null) {
            return PlateReaderModel.bundled();
        }
        try {
            return PlateReaderModel.load(config.neuralModel());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the neural reader model " + config.neuralModel() + ": "
                    + e.getMessage(), e);
        }
    }

    private static GlyphClassifier glyphModel() {
        GlyphClassifier m = glyphModel;
        if (m == null) {
            synchronized (RecognitionPipeline.class) {
                if (glyphModel == null) {
                    glyphModel = GlyphClassifier.bundled();
                }
                m = glyphModel;
            }
        }
        return m;
    }

    /** Runs detection and the per-region stages on an 8-bit BGR frame. */
    RecognitionResult run(Mat bgr, StageTimings t) {
        long t0 = System.nanoTime();
        List<PlateRegion> regions = detector.detect(bgr);
        t.add(Stage.DETECT, System.nanoTime() - t0);
        List<PlateCandidate> found = new ArrayList<>();
        for (PlateRegion region : regions) {
            read(bgr, region, t).ifPresent(found::add);
        }
        return new RecognitionResult(dedupe(NonPlateText.drop(found, config.region().code())), regions.size(), t, bgr.cols(), bgr.rows(),
                SceneThumbnail.of(bgr));
    }

    private Optional<PlateCandidate> read(Mat bgr, PlateRegion region, StageTimings t) {
        long t0 = System.nanoTime();
        RectifiedPlate plate = rectifier.rectify(bgr, region.quad());
        long t1 = System.nanoTime();
        t.add(Stage.RECTIFY, t1 - t0);
        Optional<BinarizedPlate> clean = binarizer.binarize(plate.bgr());
        long t2 = System.nanoTime();
        t.add(Stage.BINARIZE, t2 - t1);
        if (clean.isEmpty() || clean.get().charCount() < 3) {
            return Optional.empty();
        }
        List<OcrLine> lines = new ArrayList<>(4);
        if (reader != null) {
            lines.add(SkippedGlyphs.recover(reader.read(clean.get().text()), clean.get(), reader));
        }
        if (plateReader != null || glyphReader != null || neuralReader != null) {
            Mat gray = new Mat();
            cvtColor(plate.bgr(), gray, COLOR_BGR2GRAY);
            if (plateReader != null) {
                lines.add(plateReader.read(gray));
            }
            if (glyphReader != null) {
                lines.add(glyphReader.read(gray).toLine());
            }
            if (neuralReader != null) {
                lines.add(neuralReader.read(gray));
            }
        }
        long t3 = System.nanoTime();
        t.add(Stage.OCR, t3 - t2);
        List<Alternative> alts;
        if (lines.size() == 1) {
            alts = ranker.rank(lines.get(0), config.topN());
        } else {
            List<List<Alternative>> opinions = new ArrayList<>(lines.size());
            for (OcrLine line : lines) {
                opinions.add(ranker.rank(line, Math.max(POOL_DEPTH, config.topN())));
            }
            alts = OpinionPool.pool(opinions, config.topN());
        }
        t.add(Stage.SYNTAX, System.nanoTime() - t3);
        if (alts.isEmpty()) {
            return Optional.empty();
        }
        Alternative top = alts.get(0);
        double confidence = Math.min(1, top.score());
        if (confidence < config.minConfidence()) {
            return Optional.empty();
        }
        return Optional.of(new PlateCandidate(top.text(), confidence, top.country(), top.format(), alts,
                plate.quad(), region.score()));
    }

    /** Best first; a plate seen through two overlapping regions is reported once. */
    private static List<PlateCandidate> dedupe(List<PlateCandidate> found) {
        found.sort(Comparator.comparingDouble(RecognitionPipeline::rank).reversed());
        List<PlateCandidate> out = new ArrayList<>();
        for (PlateCandidate c : found) {
            boolean dup = out.stream().anyMatch(o -> o.text().equals(c.text())
                    || o.quad().boundingBox().iou(c.quad().boundingBox()) > 0.3);
            if (!dup) {
                out.add(c);
            }
        }
        return out;
    }

    /** Ranking key: OCR/syntax confidence, tempered by how plate-like the detector found the region. */
    private static double rank(PlateCandidate c) {
        return c.confidence() * (0.6 + 0.4 * c.detectionScore());
    }

    @Override
    public void close() {
        for (CharacterReader r : new CharacterReader[]{reader, plateReader, neuralReader}) {
            if (r != null) {
                r.close();
            }
        }
        if (glyphReader != null) {
            glyphReader.close();
        }
    }
}
