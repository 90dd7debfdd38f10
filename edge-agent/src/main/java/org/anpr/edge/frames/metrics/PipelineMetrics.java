package org.anpr.edge.frames.metrics;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.anpr.ocr.Stage;
import org.anpr.ocr.StageTimings;

/** Counters and latency recorders of a frame pipeline; updated lock-free from every thread. */
public final class PipelineMetrics {
    public static final String QUEUE_WAIT = "queue_wait";
    public static final String RECOGNITION = "recognition";

    public final LongAdder framesIn = new LongAdder();
    public final LongAdder framesDropped = new LongAdder();
    public final LongAdder framesStale = new LongAdder();
    public final LongAdder framesRejected = new LongAdder();
    public final LongAdder framesFailed = new LongAdder();
    public final LongAdder framesDiscarded = new LongAdder();
    public final LongAdder framesRecognised = new LongAdder();
    public final LongAdder triggeredFrames = new LongAdder();
    public final LongAdder readsOut = new LongAdder();
    private final Map<String, LatencyRecorder> latencies = new ConcurrentHashMap<>();

    public LatencyRecorder latency(String stage) {
        return latencies.computeIfAbsent(stage, k -> new LatencyRecorder());
    }

    /** Records the recognizer's per-stage times of one frame. */
    public void recordStages(StageTimings timings) {
        timings.asNanos().forEach((Stage s, Long nanos) -> latency(s.name().toLowerCase(Locale.ROOT)).record(nanos));
    }

    public PipelineSnapshot snapshot(int queueDepth, int triggeredDepth, int maxQueueDepth, int openPassages) {
        Map<String, LatencySnapshot> l = new LinkedHashMap<>();
        latencies.forEach((k, v) -> l.put(k, v.snapshot()));
        return new PipelineSnapshot(framesIn.sum(), framesDropped.sum(), framesStale.sum(), framesRejected.sum(),
                framesFailed.sum(), framesDiscarded.sum(), framesRecognised.sum(), triggeredFrames.sum(), readsOut.sum(),
                queueDepth, triggeredDepth, maxQueueDepth, openPassages, l);
    }
}
