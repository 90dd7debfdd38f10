package org.anpr.edge.frames;

import java.time.Duration;
import java.util.Objects;
import org.anpr.ocr.aggregate.AggregatorConfig;

/**
 * Typed configuration of a {@link FramePipeline}.
 *
 * @param workers       recognition threads; default the number of processors, 1..256. Give the
 *                      shared {@code PlateRecognizer} at least as many {@code workerThreads}
 * @param queueCapacity frames queued between capture and the workers before the oldest is dropped;
 *                      default max(4, 2 × workers), 1..10000
 * @param maxQueueWait  a frame that waited longer than this is discarded as stale (counted): under
 *                      overload the pipeline works on recent frames; default 1 s
 * @param pollInterval  how often open passages are checked for their idle gap; default 200 ms
 * @param aggregator    the per-passage vote ({@code ReadAggregator}); default its defaults
 * @param evidence      plate crop and overview settings; default {@link EvidenceConfig#defaults()}
 */
public record PipelineConfig(int workers, int queueCapacity, Duration maxQueueWait, Duration pollInterval,
                             AggregatorConfig aggregator, EvidenceConfig evidence) {

    public PipelineConfig {
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("workers: " + workers + " is outside 1..256");
        }
        if (queueCapacity < 1 || queueCapacity > 10_000) {
            throw new IllegalArgumentException("queueCapacity: " + queueCapacity + " is outside 1..10000");
        }
        positive(maxQueueWait, "maxQueueWait");
        positive(pollInterval, "pollInterval");
        Objects.requireNonNull(aggregator, "aggregator");
        Objects.requireNonNull(evidence, "evidence");
    }

    public static PipelineConfig defaults() {
        return withWorkers(Runtime.getRuntime().availableProcessors());
    }

    /** The defaults for {@code n} workers (queue capacity follows). */
    public static PipelineConfig withWorkers(int n) {
        return new PipelineConfig(n, Math.max(4, 2 * n), Duration.ofSeconds(1), Duration.ofMillis(200),
                AggregatorConfig.defaults(), EvidenceConfig.defaults());
    }

    public PipelineConfig withQueueCapacity(int c) {
        return new PipelineConfig(workers, c, maxQueueWait, pollInterval, aggregator, evidence);
    }

    public PipelineConfig withMaxQueueWait(Duration d) {
        return new PipelineConfig(workers, queueCapacity, d, pollInterval, aggregator, evidence);
    }

    public PipelineConfig withAggregator(AggregatorConfig a) {
        return new PipelineConfig(workers, queueCapacity, maxQueueWait, pollInterval, a, evidence);
    }

    public PipelineConfig withEvidence(EvidenceConfig e) {
        return new PipelineConfig(workers, queueCapacity, maxQueueWait, pollInterval, aggregator, e);
    }

    private static void positive(Duration d, String field) {
        Objects.requireNonNull(d, field);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + ": must be positive, got " + d);
        }
    }
}
