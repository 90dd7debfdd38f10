package org.anpr.device.time;

import java.time.Duration;
import java.time.Instant;

/** A clock that only moves when told to: for tests and replays of recorded data. */
public final class ManualClock implements DeviceClock {

    private final Instant epochUtc;
    private volatile long nanos;

    /** @param epochUtc the UTC time of monotonic reading 0 */
    public ManualClock(Instant epochUtc) {
        this.epochUtc = epochUtc;
    }

    public ManualClock() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a monotonic clock cannot go back: " + d);
        }
        nanos += d.toNanos();
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    @Override
    public long monotonicNanos() {
        return nanos;
    }

    @Override
    public Instant toUtc(long monotonicNanos) {
        return epochUtc.plusNanos(monotonicNanos);
    }
}
