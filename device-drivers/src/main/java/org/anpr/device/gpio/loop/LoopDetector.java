package org.anpr.device.gpio.loop;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.anpr.device.gpio.Debouncer;
import org.anpr.device.gpio.DigitalIn;
import org.anpr.device.time.DeviceClock;

/**
 * Vehicle presence on one inductive loop: debounced start/end events with exact timestamps, and
 * stuck-loop fault detection.
 *
 * <p>Edges arrive from the pin listener; {@link #tick()} must also be called periodically (every
 * few milliseconds, e.g. from a scheduler) to confirm a level after the debounce time even when no
 * further edge follows, and to detect faults.
 */
public final class LoopDetector implements AutoCloseable {

    private final String id;
    private final DigitalIn pin;
    private final DeviceClock clock;
    private final LoopConfig config;
    private final Debouncer debouncer;
    private final List<Consumer<LoopEvent>> listeners = new CopyOnWriteArrayList<>();
    private LoopEvent.Kind activeFault;

    public LoopDetector(String id, DigitalIn pin, DeviceClock clock, LoopConfig config) {
        this.id = Objects.requireNonNull(id, "id");
        this.pin = Objects.requireNonNull(pin, "pin");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.debouncer = new Debouncer(occupied(pin.isHigh()), config.debounce().toNanos(), clock.monotonicNanos());
        pin.onChange(this::onEdge);
    }

    public String id() {
        return id;
    }

    public void addListener(Consumer<LoopEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The debounced presence state. */
    public synchronized boolean occupied() {
        return debouncer.stableLevel();
    }

    /** The active fault, if any: {@code FAULT_STUCK_OCCUPIED} or {@code FAULT_STUCK_VACANT}. */
    public synchronized Optional<LoopEvent.Kind> fault() {
        return Optional.ofNullable(activeFault);
    }

    /** Edges that reverted within the debounce time (noise, crosstalk). */
    public synchronized long glitches() {
        return debouncer.glitches();
    }

    /** Confirms pending levels and checks for stuck faults; call periodically. */
    public void tick() {
        long now = clock.monotonicNanos();
        synchronized (this) {
            debouncer.poll(now).ifPresent(this::transition);
            checkStuck(now);
        }
    }

    private void onEdge(boolean high) {
        long now = clock.monotonicNanos();
        synchronized (this) {
            debouncer.raw(occupied(high), now).ifPresent(this::transition);
        }
    }

    private boolean occupied(boolean high) {
        return high == config.activeHigh();
    }

    private void transition(Debouncer.Transition t) {
        if (activeFault != null) {
            activeFault = null;
            emit(LoopEvent.Kind.FAULT_CLEARED, t.edgeNanos());
        }
        emit(t.level() ? LoopEvent.Kind.PRESENCE_START : LoopEvent.Kind.PRESENCE_END, t.edgeNanos());
    }

    private void checkStuck(long now) {
        if (activeFault != null) {
            return;
        }
        boolean occ = debouncer.stableLevel();
        long held = now - debouncer.stableSinceNanos();
        long limit = (occ ? config.maxOccupied() : config.maxVacant()).toNanos();
        if (held > limit) {
            activeFault = occ ? LoopEvent.Kind.FAULT_STUCK_OCCUPIED : LoopEvent.Kind.FAULT_STUCK_VACANT;
            emit(activeFault, now);
        }
    }

    private void emit(LoopEvent.Kind kind, long nanos) {
        LoopEvent e = new LoopEvent(id, kind, nanos, clock.toUtc(nanos));
        for (Consumer<LoopEvent> l : listeners) {
            l.accept(e);
        }
    }

    @Override
    public void close() {
        pin.close();
    }
}
