package org.anpr.device.gpio.loop;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Spot speed and vehicle length from two loops a known distance apart in one lane. A measurement
 * is emitted when the vehicle leaves the downstream loop. One vehicle at a time per lane: loops
 * are shorter than the gap between vehicles, so a new upstream start replaces an unpaired one.
 */
public final class LoopPair {

    private final LoopPairConfig config;
    private final List<Consumer<VehicleMeasurement>> listeners = new CopyOnWriteArrayList<>();

    private LoopEvent upStart;
    private LoopEvent upEnd;
    private LoopEvent downStart;
    private long accepted;
    private long rejected;
    private long unpaired;

    public LoopPair(LoopPairConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Wires the pair to two detectors in driving order. */
    public static LoopPair attach(LoopDetector upstream, LoopDetector downstream, LoopPairConfig config) {
        LoopPair pair = new LoopPair(config);
        upstream.addListener(pair::onUpstream);
        downstream.addListener(pair::onDownstream);
        return pair;
    }

    public void addListener(Consumer<VehicleMeasurement> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public synchronized void onUpstream(LoopEvent e) {
        switch (e.kind()) {
            case PRESENCE_START -> {
                if (upStart != null) {
                    unpaired++; // previous vehicle never reached the downstream loop
                }
                upStart = e;
                upEnd = null;
                downStart = null;
            }
            case PRESENCE_END -> upEnd = upStart != null ? e : null;
            default -> { }
        }
    }

    public void onDownstream(LoopEvent e) {
        VehicleMeasurement m;
        synchronized (this) {
            m = downstreamEvent(e);
        }
        if (m != null) {
            listeners.forEach(l -> l.accept(m));
        }
    }

    private VehicleMeasurement downstreamEvent(LoopEvent e) {
        if (e.kind() == LoopEvent.Kind.PRESENCE_START) {
            if (upStart == null || e.monotonicNanos() - upStart.monotonicNanos() > config.maxTransit().toNanos()) {
                unpaired++;
                upStart = null;
                return null;
            }
            downStart = e;
            return null;
        }
        if (e.kind() != LoopEvent.Kind.PRESENCE_END || downStart == null || upEnd == null) {
            return null;
        }
        VehicleMeasurement m = measure(upStart, upEnd, downStart, e);
        upStart = upEnd = downStart = null;
        if (m.plausible()) {
            accepted++;
        } else {
            rejected++;
        }
        return m;
    }

    private VehicleMeasurement measure(LoopEvent us, LoopEvent ue, LoopEvent ds, LoopEvent de) {
        long transitNanos = ds.monotonicNanos() - us.monotonicNanos();
        if (transitNanos <= 0) {
            return new VehicleMeasurement(us.utc(), Double.NaN, Double.NaN, false, "downstream before upstream");
        }
        double mps = config.spacingMeters() / (transitNanos / 1e9);
        double kmh = mps * 3.6;
        double meanOccupancyS = ((ue.monotonicNanos() - us.monotonicNanos())
                + (de.monotonicNanos() - ds.monotonicNanos())) / 2e9;
        double length = Math.max(0.0, mps * meanOccupancyS - config.loopLengthMeters());
        if (kmh > config.maxPlausibleKmh()) {
            return new VehicleMeasurement(us.utc(), kmh, length, false,
                    String.format("speed %.1f km/h above maxPlausibleKmh %.1f", kmh, config.maxPlausibleKmh()));
        }
        return new VehicleMeasurement(us.utc(), kmh, length, true, null);
    }

    public synchronized long acceptedCount() {
        return accepted;
    }

    public synchronized long rejectedCount() {
        return rejected;
    }

    /** Starts on one loop without a matching start on the other within {@code maxTransit}. */
    public synchronized long unpairedCount() {
        return unpaired;
    }
}
