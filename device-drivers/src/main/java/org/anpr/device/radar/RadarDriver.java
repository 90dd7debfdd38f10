package org.anpr.device.radar;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.anpr.device.time.DeviceClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an OPS24x-style Doppler radar: frames the byte stream into lines, parses them, and hands
 * plausible readings to listeners. Bad lines are counted by {@link BadLine} reason and skipped;
 * the stream always carries on.
 */
public final class RadarDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RadarDriver.class);

    private final ByteSource source;
    private final DeviceClock clock;
    private final RadarConfig config;
    private final LineFramer framer;
    private final List<Consumer<RadarReading>> listeners = new CopyOnWriteArrayList<>();
    private final byte[] buf = new byte[256];
    private final Map<BadLine, Long> bad = new EnumMap<>(BadLine.class);
    private final LineFramer.Sink sink = new LineFramer.Sink() {
        @Override
        public void line(String line) {
            handle(line);
        }

        @Override
        public void bad(BadLine reason) {
            count(reason);
        }
    };
    private SpeedUnit unit;
    private long readings;
    private long info;
    private volatile Thread reader;
    private volatile boolean closed;

    public RadarDriver(ByteSource source, DeviceClock clock, RadarConfig config) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.framer = new LineFramer(config.maxLineBytes(), config.discardFirstLine());
        this.unit = config.initialUnit();
    }

    public void addListener(Consumer<RadarReading> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Reads once from the source and processes what arrived; false at end of stream. */
    public boolean pumpOnce() throws IOException {
        int n = source.read(buf);
        synchronized (this) {
            if (n < 0) {
                framer.finish(sink);
                return false;
            }
            framer.push(buf, n, sink);
            return true;
        }
    }

    /** Processes the source to its end (recordings). */
    public void runToEnd() throws IOException {
        while (pumpOnce()) {
            // keep reading
        }
    }

    /** Reads a live port on a daemon thread until {@link #close()}. */
    public synchronized void start() {
        if (reader != null) {
            throw new IllegalStateException("already started");
        }
        reader = new Thread(this::readLoop, "radar-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        while (!closed) {
            try {
                if (!pumpOnce()) {
                    return;
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                LOG.warn("radar read failed, retrying in 1 s: {}", e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The unit bare numbers are currently read in (changes when the module reports a unit change). */
    public synchronized SpeedUnit currentUnit() {
        return unit;
    }

    public synchronized RadarStats stats() {
        return new RadarStats(readings, info, bad);
    }

    private void handle(String line) {
        RadarLineParser.Parsed p = RadarLineParser.parse(line, unit);
        if (p instanceof RadarLineParser.Bad b) {
            count(b.reason());
        } else if (p instanceof RadarLineParser.UnitChange u) {
            unit = u.unit();
            info++;
        } else if (p instanceof RadarLineParser.Info) {
            info++;
        } else if (p instanceof RadarLineParser.Speed s) {
            reading(s);
        }
    }

    private void reading(RadarLineParser.Speed s) {
        double mps = Math.abs(s.unit().toMps(s.value()));
        if (SpeedUnit.KMH.fromMps(mps) > config.maxPlausibleKmh()) {
            count(BadLine.IMPLAUSIBLE);
            return;
        }
        Direction d = s.explicit() != null ? s.explicit() : direction(s.value());
        long now = clock.monotonicNanos();
        RadarReading r = new RadarReading(mps, d, s.unit(), now, clock.toUtc(now));
        readings++;
        listeners.forEach(l -> l.accept(r));
    }

    private Direction direction(double signed) {
        if (signed == 0) {
            return Direction.NONE;
        }
        return (signed > 0) == config.positiveIsInbound() ? Direction.INBOUND : Direction.OUTBOUND;
    }

    private void count(BadLine reason) {
        bad.merge(reason, 1L, Long::sum);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        source.close();
        Thread t = reader;
        if (t != null) {
            t.interrupt();
        }
    }
}
