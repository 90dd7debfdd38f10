package org.anpr.edge.recognition;

import java.util.function.Consumer;
import java.util.function.Predicate;
import org.anpr.protocol.v1.PlateRead;

/**
 * Port: where finished reads come from (capture, recognition and per-vehicle aggregation; or a
 * recorded source in tests). The agent attaches itself as the consumer.
 */
public interface PlateReadSource extends AutoCloseable {
    void start(Consumer<PlateRead> reads);

    /**
     * Plates to report as soon as they are read, before the vehicle's passage ends (the agent
     * gives its hotlist). Called before {@link #start}; sources that emit whole reads ignore it.
     */
    default void emitEarlyWhen(Predicate<String> plate) {
    }

    @Override
    void close();
}
