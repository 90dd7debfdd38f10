package org.anpr.edge.frames;

import org.anpr.edge.capture.Frame;
import org.anpr.ocr.RecognitionResult;

/**
 * Receives the pipeline's output. Calls are serialised (never two at once), on a worker or the
 * poller thread: keep them short (hand off to a queue or a durable store), exceptions are logged.
 */
public interface PassageListener {

    /** One read per vehicle passage. */
    void onPassage(PassageEvidence passage);

    /**
     * Every recognised frame, before the frame is closed (for diagnostics, test shots and tests;
     * the frame must not be kept). Called from the worker, not serialised.
     */
    default void onFrame(Frame frame, boolean triggered, RecognitionResult result) {
    }
}
