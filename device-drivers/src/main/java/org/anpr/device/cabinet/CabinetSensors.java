package org.anpr.device.cabinet;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.anpr.device.gpio.Debouncer;
import org.anpr.device.gpio.DigitalIn;
import org.anpr.device.time.DeviceClock;

/**
 * Door contact and temperature of the roadside cabinet. Door edges come from the pin; call
 * {@link #tick()} periodically (confirms the debounced door level) and {@link #pollTemperature()}
 * at the sensor's rate (a DS18B20 conversion takes ~750 ms).
 */
public final class CabinetSensors implements AutoCloseable {

    private enum Band { NORMAL, HIGH, LOW, FAULT }

    private final DigitalIn door;
    private final TemperatureSensor temperature;
    private final DeviceClock clock;
    private final CabinetConfig config;
    private final Debouncer doorDebouncer;
    private final List<Consumer<CabinetEvent>> listeners = new CopyOnWriteArrayList<>();
    private Band band = Band.NORMAL;
    private double lastC = Double.NaN;

    public CabinetSensors(DigitalIn door, TemperatureSensor temperature, DeviceClock clock, CabinetConfig config) {
        this.door = Objects.requireNonNull(door, "door");
        this.temperature = Objects.requireNonNull(temperature, "temperature");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.doorDebouncer = new Debouncer(isOpen(door.isHigh()), config.doorDebounce().toNanos(),
                clock.monotonicNanos());
        door.onChange(high -> {
            long now = clock.monotonicNanos();
            synchronized (this) {
                doorDebouncer.raw(isOpen(high), now).ifPresent(this::doorTransition);
            }
        });
    }

    public void addListener(Consumer<CabinetEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public synchronized boolean doorOpen() {
        return doorDebouncer.stableLevel();
    }

    /** Last temperature read, NaN before the first successful read. */
    public synchronized double lastTemperatureC() {
        return lastC;
    }

    public void tick() {
        long now = clock.monotonicNanos();
        synchronized (this) {
            doorDebouncer.poll(now).ifPresent(this::doorTransition);
        }
    }

    /** Reads the sensor once and raises an event when the temperature changes band. */
    public synchronized void pollTemperature() {
        long now = clock.monotonicNanos();
        double c;
        try {
            c = temperature.readCelsius();
            if (!Double.isFinite(c)) {
                throw new IOException("non-finite reading " + c);
            }
        } catch (IOException e) {
            if (band != Band.FAULT) {
                band = Band.FAULT;
                emit(CabinetEvent.Kind.TEMPERATURE_SENSOR_FAULT, now, Double.NaN, e.getMessage());
            }
            return;
        }
        lastC = c;
        Band next = classify(c);
        if (next != band) {
            band = next;
            CabinetEvent.Kind kind = switch (next) {
                case HIGH -> CabinetEvent.Kind.TEMPERATURE_HIGH;
                case LOW -> CabinetEvent.Kind.TEMPERATURE_LOW;
                default -> CabinetEvent.Kind.TEMPERATURE_NORMAL;
            };
            emit(kind, now, c, null);
        }
    }

    private Band classify(double c) {
        if (c >= config.highC()) {
            return Band.HIGH;
        }
        if (c <= config.lowC()) {
            return Band.LOW;
        }
        // hysteresis: stay in an alarm band until clearly back inside the range
        if (band == Band.HIGH && c > config.highC() - config.hysteresisC()) {
            return Band.HIGH;
        }
        if (band == Band.LOW && c < config.lowC() + config.hysteresisC()) {
            return Band.LOW;
        }
        return Band.NORMAL;
    }

    private boolean isOpen(boolean high) {
        return high == config.doorOpenHigh();
    }

    private void doorTransition(Debouncer.Transition t) {
        emit(t.level() ? CabinetEvent.Kind.DOOR_TAMPER : CabinetEvent.Kind.DOOR_CLOSED, t.edgeNanos(),
                Double.NaN, null);
    }

    private void emit(CabinetEvent.Kind kind, long nanos, double c, String detail) {
        CabinetEvent e = new CabinetEvent(kind, clock.toUtc(nanos), c, detail);
        listeners.forEach(l -> l.accept(e));
    }

    @Override
    public void close() {
        door.close();
    }
}
