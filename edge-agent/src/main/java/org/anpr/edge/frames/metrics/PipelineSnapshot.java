package org.anpr.edge.frames.metrics;

import java.util.Map;

/**
 * The frame pipeline's counters at one moment.
 *
 * @param framesIn          frames taken from the sources
 * @param framesDropped     frames dropped because the queue was full (oldest first, triggered last)
 * @param framesStale       frames discarded because they waited longer than {@code maxQueueWait}
 * @param framesRejected    frames the recognizer refused (corrupt, too large, not an image)
 * @param framesFailed      frames whose recognition threw anything else
 * @param framesDiscarded   frames still queued at shutdown, discarded
 * @param framesRecognised  frames recognised
 * @param triggeredFrames   frames that arrived (or were promoted) inside a trigger window
 * @param readsOut          passage reads emitted
 * @param queueDepth        frames queued now
 * @param triggeredDepth    of which triggered
 * @param maxQueueDepth     the most frames ever queued at once (never above the capacity)
 * @param openPassages      passages the aggregator is still collecting
 * @param latencies         per stage: {@code queue_wait}, {@code recognition} (the whole call),
 *                          and the recognizer's own stages ({@code decode}, {@code detect}, …)
 */
public record PipelineSnapshot(long framesIn, long framesDropped, long framesStale, long framesRejected,
                               long framesFailed, long framesDiscarded, long framesRecognised, long triggeredFrames,
                               long readsOut, int queueDepth, int triggeredDepth, int maxQueueDepth, int openPassages,
                               Map<String, LatencySnapshot> latencies) {
    public PipelineSnapshot {
        latencies = Map.copyOf(latencies);
    }
}
