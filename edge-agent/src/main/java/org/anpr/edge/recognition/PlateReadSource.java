package org.anpr.edge.recognition;

import java.util.function.Consumer;
import org.anpr.protocol.v1.PlateRead;

/**
 * Port: where finished reads come from (capture, recognition and per-vehicle aggregation; or a
 * recorded source in tests). The agent attaches itself as the consumer.
 */
public interface PlateReadSource extends AutoCloseable {
    void start(Consumer<PlateRead> reads);

    @Override
    void close();
}
