package org.anpr.edge.capture.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.Pointer;

/**
 * The stall watchdog of an FFmpeg connection: FFmpeg polls its interrupt callback about every
 * 100 ms while it waits on a socket, so a deadline here ends a blocked {@code av_read_frame} (no
 * frame for the stall timeout, or no answer during the handshake) and {@link #abort()} lets
 * {@code close()} from another thread unblock it, neither of which a plain socket timeout does.
 */
final class FfmpegInterrupt implements AutoCloseable {
    private static final Map<Long, FfmpegInterrupt> LIVE = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong(1);
    /**
     * One native callback shared by all connections, told apart by the opaque id: JavaCPP has only
     * a small fixed pool of native thunks per callback class, so one per connection would run out.
     */
    private static final Callback CALLBACK = new Callback();

    private final long id = IDS.getAndIncrement();
    private volatile long deadline;
    private volatile boolean aborted;

    FfmpegInterrupt() {
        LIVE.put(id, this);
    }

    /** Makes {@code ctx} (not yet opened) ask this watchdog. */
    void install(AVFormatContext ctx) {
        ctx.interrupt_callback().callback(CALLBACK).opaque(new Opaque(id));
    }

    /** Interrupts blocking calls from {@code timeoutNanos} from now on. */
    void arm(long timeoutNanos) {
        deadline = System.nanoTime() + timeoutNanos;
    }

    boolean expired() {
        return System.nanoTime() - deadline > 0;
    }

    /** Interrupts at once, from any thread. */
    void abort() {
        aborted = true;
    }

    boolean aborted() {
        return aborted;
    }

    /** Lifts {@link #abort()} (for a bounded, clean shutdown after the read was stopped). */
    void resume(long timeoutNanos) {
        arm(timeoutNanos);
        aborted = false;
    }

    @Override
    public void close() {
        LIVE.remove(id);
    }

    private static final class Callback extends AVIOInterruptCB.Callback_Pointer {
        @Override
        public int call(Pointer opaque) {
            FfmpegInterrupt i = opaque == null ? null : LIVE.get(opaque.address());
            return i == null || i.aborted || i.expired() ? 1 : 0; // unknown id: the connection is gone, stop
        }
    }

    /** A pointer whose value is just the id (never dereferenced). */
    private static final class Opaque extends Pointer {
        Opaque(long value) {
            address = value;
        }
    }
}
