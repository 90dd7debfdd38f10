package org.anpr.edge.frames.wire;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.anpr.edge.frames.FramePipeline;
import org.anpr.edge.frames.PassageEvidence;
import org.anpr.edge.frames.PassageListener;
import org.anpr.edge.recognition.PlateReadSource;
import org.anpr.protocol.v1.PlateRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's {@link PlateReadSource} over a {@link FramePipeline}: each passage becomes a
 * {@link PlateRead} (via {@link PlateReadMapper}) handed to the agent's consumer.
 *
 * <pre>{@code
 * PipelineReadSource reads = new PipelineReadSource(mapper, listener ->
 *         new FramePipeline(recognizer, PipelineConfig.defaults(), listener, triggers)
 *                 .addSource(source, camera.lane()));
 * agent.attach(reads);   // builds and starts the pipeline
 * ...
 * reads.close();         // stops it; open passages are still delivered
 * }</pre>
 */
public final class PipelineReadSource implements PlateReadSource {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineReadSource.class);

    private final PlateReadMapper mapper;
    private final Function<PassageListener, FramePipeline> factory;
    private final AtomicLong unmappable = new AtomicLong();
    private FramePipeline pipeline;
    private java.util.function.Predicate<String> early = plate -> false;

    public PipelineReadSource(PlateReadMapper mapper, Function<PassageListener, FramePipeline> factory) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public synchronized void start(Consumer<PlateRead> reads) {
        if (pipeline != null) {
            throw new IllegalStateException("already started");
        }
        pipeline = factory.apply((PassageEvidence e) -> {
            PlateRead r;
            try {
                r = mapper.toPlateRead(e);
            } catch (IllegalArgumentException ex) {
                unmappable.incrementAndGet();
                LOG.warn("passage {} on {} not reportable: {}", e.text(), e.cameraId(), ex.getMessage());
                return;
            }
            reads.accept(r);
        });
        pipeline.emitEarlyWhen(early).start();
    }

    @Override
    public synchronized void emitEarlyWhen(java.util.function.Predicate<String> plate) {
        this.early = Objects.requireNonNull(plate, "plate");
        if (pipeline != null) {
            pipeline.emitEarlyWhen(plate);
        }
    }

    /** The running pipeline (metrics), or null before {@link #start}. */
    public synchronized FramePipeline pipeline() {
        return pipeline;
    }

    /** Passages that could not become a valid PlateRead (bad text, no crop). */
    public long unmappable() {
        return unmappable.get();
    }

    @Override
    public synchronized void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }
}
