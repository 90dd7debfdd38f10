package org.anpr.device.gpio;

import java.util.Optional;

/**
 * Stability debounce of one binary signal: a new level is accepted once it has held for the
 * debounce time, and is timestamped with the edge where it began (not with the moment it was
 * confirmed), so debouncing adds no error to speed timing. A level that reverts sooner is a glitch.
 * Not thread-safe; owners synchronise.
 */
public final class Debouncer {

    /** An accepted level change: the new level and the monotonic time its edge happened. */
    public record Transition(boolean level, long edgeNanos) {
    }

    private final long debounceNanos;
    private boolean stable;
    private long stableSinceNanos;
    private boolean pending;
    private long pendingSinceNanos;
    private long glitches;

    public Debouncer(boolean initialLevel, long debounceNanos, long nowNanos) {
        if (debounceNanos < 0) {
            throw new IllegalArgumentException("debounceNanos must be >= 0, was " + debounceNanos);
        }
        this.debounceNanos = debounceNanos;
        this.stable = initialLevel;
        this.pending = initialLevel;
        this.stableSinceNanos = nowNanos;
        this.pendingSinceNanos = nowNanos;
    }

    /** Feeds a raw level seen at {@code nowNanos}; returns a transition if one became stable. */
    public Optional<Transition> raw(boolean level, long nowNanos) {
        Optional<Transition> committed = poll(nowNanos);
        if (level != pending) {
            if (pending != stable) {
                glitches++; // the pending level reverted before it was confirmed
            }
            pending = level;
            pendingSinceNanos = nowNanos;
        }
        if (committed.isEmpty() && debounceNanos == 0) {
            return poll(nowNanos);
        }
        return committed;
    }

    /** Confirms a pending level that has held for the debounce time by {@code nowNanos}. */
    public Optional<Transition> poll(long nowNanos) {
        if (pending != stable && nowNanos - pendingSinceNanos >= debounceNanos) {
            stable = pending;
            stableSinceNanos = pendingSinceNanos;
            return Optional.of(new Transition(stable, stableSinceNanos));
        }
        return Optional.empty();
    }

    public boolean stableLevel() {
        return stable;
    }

    public long stableSinceNanos() {
        return stableSinceNanos;
    }

    /** Level changes that reverted within the debounce time. */
    public long glitches() {
        return glitches;
    }
}
