package org.anpr.ocr.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.anpr.ocr.Alternative;
import org.anpr.ocr.BoundingBox;
import org.anpr.ocr.ImageRejectedException;
import org.anpr.ocr.PlateCandidate;
import org.anpr.ocr.PlateRecognizer;
import org.anpr.ocr.RecognitionResult;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/** Runs a recognizer over labelled images on N threads and scores each image. */
public final class EvalRunner {
    /** A detection counts when the candidate's box overlaps the labelled box by more than this. */
    public static final double IOU_THRESHOLD = 0.3;

    private EvalRunner() {
    }

    /**
     * @param progress called with the number of images done so far (from worker threads)
     */
    public static List<ImageOutcome> run(PlateRecognizer recognizer, List<LabelledImage> images, int threads,
                                         IntConsumer progress) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<ImageOutcome>> futures = new ArrayList<>();
            for (LabelledImage img : images) {
                futures.add(pool.submit(() -> {
                    ImageOutcome o = score(recognizer, img);
                    progress.accept(done.incrementAndGet());
                    return o;
                }));
            }
            List<ImageOutcome> out = new ArrayList<>();
            for (Future<ImageOutcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("evaluation failed", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Recognises a drawn frame {@code n} times so that latency is measured on warm code, as on a
     * gantry that has been running (the JIT otherwise bills its compile time to the first images).
     */
    public static void warmUp(PlateRecognizer recognizer, int n) {
        try (PointerScope scope = new PointerScope()) {
            Mat frame = new Mat(480, 640, CV_8UC3, new Scalar(110, 110, 110, 0));
            rectangle(frame, new Rect(220, 300, 200, 44), new Scalar(245, 245, 245, 0), FILLED, LINE_8, 0);
            putText(frame, "AB123CD", new Point(232, 336), FONT_HERSHEY_SIMPLEX, 1.1, new Scalar(0, 0, 0, 0), 3, LINE_AA, false);
            for (int i = 0; i < n; i++) {
                recognizer.recognize(frame);
            }
        }
    }

    /** A candidate that does not touch the labelled plate at all is a read of something else. */
    static final double SPURIOUS_IOU = 0.0;

    static ImageOutcome score(PlateRecognizer recognizer, LabelledImage img) {
        String name = img.image().getFileName().toString();
        long t0 = System.nanoTime();
        RecognitionResult res;
        try {
            res = recognizer.recognize(img.image());
        } catch (ImageRejectedException e) {
            return new ImageOutcome(name, img.plate(), "", false, 0, (System.nanoTime() - t0) / 1e6, false, e.getMessage());
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        double bestIou = 0;
        boolean inTopN = false;
        java.util.List<ImageOutcome.Read> spurious = new java.util.ArrayList<>();
        for (PlateCandidate c : res.candidates()) {
            BoundingBox b = c.quad().boundingBox();
            double iou = b.iou(img.box());
            bestIou = Math.max(bestIou, iou);
            if (iou <= SPURIOUS_IOU) {
                spurious.add(new ImageOutcome.Read(c.text(), c.confidence()));
            }
            for (Alternative a : c.alternatives()) {
                inTopN |= a.text().equals(img.plate());
            }
        }
        PlateCandidate best = res.best().orElse(null);
        return new ImageOutcome(name, img.plate(), best == null ? "" : best.text(), best == null ? 0 : best.confidence(),
                best == null || best.country() == null ? "" : best.country(), bestIou > IOU_THRESHOLD, bestIou, ms, inTopN,
                null, spurious);
    }
}
