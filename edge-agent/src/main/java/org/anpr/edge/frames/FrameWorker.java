package org.anpr.edge.frames;

import java.util.IdentityHashMap;
import java.util.Map;
import org.anpr.edge.capture.Frame;
import org.anpr.edge.frames.metrics.PipelineMetrics;
import org.anpr.ocr.ImageRejectedException;
import org.anpr.ocr.PlateCandidate;
import org.anpr.ocr.PlateRecognizer;
import org.anpr.ocr.RecognitionResult;
import org.anpr.ocr.aggregate.FrameObservation;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a recognition worker does with one queued frame: stale check, recognition, metrics, plate
 * crops of the candidates the aggregator will consider, hand-over to the {@link PassageAssembler};
 * then the frame is closed. Stateless apart from its collaborators, shared by all workers.
 */
final class FrameWorker {
    private static final Logger LOG = LoggerFactory.getLogger(FrameWorker.class);

    private final PlateRecognizer recognizer;
    private final PipelineConfig config;
    private final PassageListener listener;
    private final PipelineMetrics metrics;
    private final PassageAssembler assembler;
    private final PlateImages images;

    FrameWorker(PlateRecognizer recognizer, PipelineConfig config, PassageListener listener, PipelineMetrics metrics,
                PassageAssembler assembler) {
        this.recognizer = recognizer;
        this.config = config;
        this.listener = listener;
        this.metrics = metrics;
        this.assembler = assembler;
        this.images = new PlateImages(config.evidence());
    }

    static PassageAssembler.Key key(FrameQueue.Entry e) {
        return new PassageAssembler.Key(e.frame.captureMicros(), e.order);
    }

    void process(FrameQueue.Entry e) {
        long wait = System.nanoTime() - e.enqueuedNanos;
        metrics.latency(PipelineMetrics.QUEUE_WAIT).record(wait);
        PassageAssembler.Key key = key(e);
        boolean handedOver = false;
        try (Frame f = e.frame) {
            if (wait > config.maxQueueWait().toNanos() && !e.lossless) {
                metrics.framesStale.increment();
                return;
            }
            RecognitionResult r = recognise(f);
            if (r == null) {
                return;
            }
            try {
                listener.onFrame(f, e.triggered, r);
            } catch (RuntimeException ex) {
                LOG.warn("frame listener failed: {}", ex.toString());
            }
            Map<PlateCandidate, EvidenceStore.Item> evidence;
            try {
                evidence = evidence(f, r);
            } catch (RuntimeException ex) { // the reads still count; only their crops are missing
                LOG.warn("{}: plate crops failed: {}", f, ex.toString());
                evidence = Map.of();
            }
            assembler.done(key, new FrameObservation(f.cameraId(), f.captureMicros() / 1000, r.candidates(), r.thumbnail()), evidence);
            handedOver = true;
        } finally {
            if (!handedOver) {
                assembler.abandon(key);
            }
        }
    }

    private RecognitionResult recognise(Frame f) {
        long t0 = System.nanoTime();
        try {
            RecognitionResult r = f.isEncoded() ? recognizer.recognize(f.encoded()) : recognizer.recognize(f.mat());
            metrics.latency(PipelineMetrics.RECOGNITION).record(System.nanoTime() - t0);
            metrics.recordStages(r.timings());
            metrics.framesRecognised.increment();
            return r;
        } catch (ImageRejectedException ex) {
            metrics.framesRejected.increment();
            LOG.debug("{}: frame rejected: {}", f, ex.getMessage());
        } catch (RuntimeException ex) {
            metrics.framesFailed.increment();
            LOG.warn("{}: recognition failed: {}", f, ex.toString());
        }
        return null;
    }

    /** Crops of the candidates the aggregator will take (confident enough, non-empty text). */
    private Map<PlateCandidate, EvidenceStore.Item> evidence(Frame f, RecognitionResult r) {
        Map<PlateCandidate, EvidenceStore.Item> out = new IdentityHashMap<>();
        boolean any = r.candidates().stream().anyMatch(this::eligible);
        if (!any) {
            return out;
        }
        Mat decoded = f.isEncoded() ? PlateImages.decode(f.encoded()) : null; // the recognizer's copy is gone
        Mat image = f.isEncoded() ? decoded : f.mat();
        if (image == null) {
            return out;
        }
        try {
            EncodedImage overview = config.evidence().overview() ? images.overview(image) : null;
            for (PlateCandidate c : r.candidates()) {
                if (eligible(c)) {
                    out.put(c, new EvidenceStore.Item(f.cameraId(), f.captureMicros(), c.text(),
                            images.crop(image, c.quad()), overview));
                }
            }
        } finally {
            if (decoded != null) {
                decoded.close();
            }
        }
        return out;
    }

    private boolean eligible(PlateCandidate c) {
        return !c.text().isEmpty() && c.confidence() >= config.aggregator().minConfidence();
    }
}
