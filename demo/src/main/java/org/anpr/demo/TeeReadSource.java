package org.anpr.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.anpr.edge.recognition.PlateReadSource;
import org.anpr.protocol.v1.PlateRead;

/** Passes reads on to the agent and keeps a copy, so the demo can compare them with the truth. */
final class TeeReadSource implements PlateReadSource {
    private final PlateReadSource source;
    private final List<PlateRead> seen = new ArrayList<>();

    TeeReadSource(PlateReadSource source) {
        this.source = source;
    }

    @Override
    public void start(Consumer<PlateRead> reads) {
        source.start(read -> {
            synchronized (seen) {
                seen.add(read);
            }
            reads.accept(read);
        });
    }

    List<PlateRead> reads() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Override
    public void close() {
        source.close();
    }
}
