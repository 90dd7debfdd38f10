package org.anpr.edge.capture.trigger;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.anpr.device.gpio.loop.LoopDetector;
import org.anpr.device.gpio.loop.LoopEvent;

/**
 * The time windows, per camera, in which a vehicle is on a loop: frames captured inside one are
 * "triggered" and recognised before free-running frames. Times are monotonic nanos of the device
 * clock the loop detectors and the frame sources share. Thread-safe; loop events arrive on Pi4J
 * or scheduler threads, the pipeline asks from its capture threads.
 *
 * <pre>{@code
 * TriggerWindows windows = new TriggerWindows(TriggerConfig.defaults());
 * windows.bind(loopLane1, "cam-1");          // LoopDetector presence events open/close windows
 * pipeline = new FramePipeline(recognizer, config, listener, windows);
 * }</pre>
 */
public final class TriggerWindows {
    private static final int KEEP = 32; // closed windows kept per camera (frames lag capture a little)

    private record Window(long from, long until) {
    }

    private final TriggerConfig config;
    private final Map<String, Deque<Window>> closed = new HashMap<>();
    private final Map<String, Long> openSince = new HashMap<>();
    private final List<BiConsumer<String, Long>> openListeners = new CopyOnWriteArrayList<>();

    public TriggerWindows(TriggerConfig config) {
        this.config = config;
    }

    /** Presence events of {@code loop} open and close windows for each of {@code cameraIds}. */
    public void bind(LoopDetector loop, String... cameraIds) {
        List<String> cams = List.of(cameraIds);
        loop.addListener(e -> cams.forEach(c -> onLoopEvent(c, e)));
    }

    /** Applies a loop event to {@code cameraId}'s windows (faults are ignored). */
    public void onLoopEvent(String cameraId, LoopEvent e) {
        if (e.kind() == LoopEvent.Kind.PRESENCE_START) {
            open(cameraId, e.monotonicNanos());
        } else if (e.kind() == LoopEvent.Kind.PRESENCE_END) {
            close(cameraId, e.monotonicNanos());
        }
    }

    /** Presence started at {@code monotonicNanos}. */
    public void open(String cameraId, long monotonicNanos) {
        long from = monotonicNanos - config.preRoll().toNanos();
        synchronized (this) {
            openSince.putIfAbsent(cameraId, monotonicNanos);
        }
        openListeners.forEach(l -> l.accept(cameraId, from));
    }

    /** Presence ended at {@code monotonicNanos}. */
    public synchronized void close(String cameraId, long monotonicNanos) {
        Long since = openSince.remove(cameraId);
        if (since != null) {
            remember(cameraId, new Window(since - config.preRoll().toNanos(), monotonicNanos + config.postRoll().toNanos()));
        }
    }

    /** True when a frame of {@code cameraId} captured at {@code monotonicNanos} lies in a window. */
    public synchronized boolean isTriggered(String cameraId, long monotonicNanos) {
        Long since = openSince.get(cameraId);
        if (since != null) {
            if (monotonicNanos - since > config.maxWindow().toNanos()) { // stuck loop: stop prioritising
                openSince.remove(cameraId);
                remember(cameraId, new Window(since - config.preRoll().toNanos(), since + config.maxWindow().toNanos()));
            } else if (monotonicNanos >= since - config.preRoll().toNanos()) {
                return true;
            }
        }
        Deque<Window> past = closed.get(cameraId);
        if (past != null) {
            for (Window w : past) {
                if (monotonicNanos >= w.from && monotonicNanos <= w.until) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Called with (camera, window start) when a window opens, so frames already queued inside
     * its pre-roll can be promoted.
     *
     * @return closes the registration (a pipeline does so when it closes)
     */
    public AutoCloseable onOpen(BiConsumer<String, Long> listener) {
        openListeners.add(listener);
        return () -> openListeners.remove(listener);
    }

    private void remember(String cameraId, Window w) {
        Deque<Window> d = closed.computeIfAbsent(cameraId, k -> new ArrayDeque<>());
        d.addLast(w);
        while (d.size() > KEEP) {
            d.removeFirst();
        }
    }
}
