package org.anpr.edge.capture;

/**
 * Releases recorded frames at their recorded spacing: the first frame at once, each further one
 * when as much wall time has passed as recorded time. Frames that are late are not delayed further
 * (no catch-up bursts beyond what the consumer's speed causes).
 */
public final class Pacer {
    private final Pacing pacing;
    private long firstRecordedMicros = Long.MIN_VALUE;
    private long startNanos;

    public Pacer(Pacing pacing) {
        this.pacing = pacing;
    }

    /** Whether frames are released without waiting (a recording re-processed as fast as possible). */
    public boolean unpaced() {
        return pacing == Pacing.AS_FAST_AS_POSSIBLE;
    }

    /** Waits until the frame recorded at {@code recordedMicros} is due. */
    public void await(long recordedMicros) throws InterruptedException {
        if (pacing == Pacing.AS_FAST_AS_POSSIBLE) {
            return;
        }
        if (firstRecordedMicros == Long.MIN_VALUE) {
            firstRecordedMicros = recordedMicros;
            startNanos = System.nanoTime();
            return;
        }
        long dueNanos = startNanos + (recordedMicros - firstRecordedMicros) * 1000;
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
