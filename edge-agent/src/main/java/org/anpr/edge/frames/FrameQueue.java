package org.anpr.edge.frames;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.anpr.edge.capture.Frame;

/**
 * The bounded frame queue between capture and the recognition workers, in two lanes: triggered
 * frames (a vehicle on a loop) are taken first, free-running frames after them, each lane FIFO.
 * When full, the oldest free-running frame is dropped to make room; only when every queued frame
 * is triggered does a triggered one go (the oldest), and an arriving free-running frame is then
 * dropped itself. Frames of a lossless replay ({@link #put}) wait for room instead and are never
 * dropped. Dropped frames are returned to the caller, who closes and counts them: the queue never
 * holds more than {@code capacity} frames.
 */
final class FrameQueue {

    /** A queued frame with what the pipeline needs to know about its wait. */
    static final class Entry {
        final Frame frame;
        final long enqueuedNanos = System.nanoTime();
        /** Arrival order over all sources; with the capture time it keys the frame in the reorder stage. */
        final long order;
        boolean triggered;
        /** From a lossless source: never dropped, never stale. */
        final boolean lossless;

        Entry(Frame frame, boolean triggered, long order) {
            this(frame, triggered, order, false);
        }

        Entry(Frame frame, boolean triggered, long order, boolean lossless) {
            this.frame = frame;
            this.triggered = triggered;
            this.order = order;
            this.lossless = lossless;
        }
    }

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Entry> triggered = new ArrayDeque<>();
    private final ArrayDeque<Entry> freeRun = new ArrayDeque<>();
    private int maxDepth;
    private boolean closed;

    FrameQueue(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues a frame; returns the entry that had to go to make room (possibly {@code e} itself),
     * or null. After {@link #close()} the entry is returned at once.
     */
    Entry offer(Entry e) {
        lock.lock();
        try {
            if (closed) {
                return e;
            }
            Entry dropped = null;
            if (size() >= capacity) {
                dropped = oldestDroppable(freeRun);
                if (dropped == null && e.triggered) {
                    dropped = oldestDroppable(triggered);
                }
                if (dropped == null) {
                    return e; // all queued frames outrank it (triggered, or from a lossless replay): it goes
                }
            }
            enqueue(e);
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a frame of a lossless source ({@code FrameSource.lossless()}), waiting for room
     * instead of dropping; returns {@code e} if the queue is (or gets) closed, else null.
     */
    Entry put(Entry e) throws InterruptedException {
        lock.lock();
        try {
            while (!closed && size() >= capacity) {
                notFull.await();
            }
            if (closed) {
                return e;
            }
            enqueue(e);
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Entry e) {
        (e.triggered ? triggered : freeRun).addLast(e);
        maxDepth = Math.max(maxDepth, size());
        notEmpty.signal();
    }

    /** Removes and returns the oldest entry of {@code lane} that may be dropped (not lossless), or null. */
    private static Entry oldestDroppable(ArrayDeque<Entry> lane) {
        for (Iterator<Entry> it = lane.iterator(); it.hasNext(); ) {
            Entry candidate = it.next();
            if (!candidate.lossless) {
                it.remove();
                return candidate;
            }
        }
        return null;
    }

    /** The next frame (triggered first), waiting up to {@code timeoutMillis}; null on timeout or when closed and empty. */
    Entry take(long timeoutMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (size() == 0) {
                if (closed || nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            notFull.signal();
            return !triggered.isEmpty() ? triggered.removeFirst() : freeRun.removeFirst();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves queued free-running frames of {@code cameraId} captured at or after
     * {@code fromMonotonicNanos} to the triggered lane (a loop fired after they were queued).
     *
     * @return how many were promoted
     */
    int promote(String cameraId, long fromMonotonicNanos) {
        lock.lock();
        try {
            List<Entry> moved = new ArrayList<>();
            for (Iterator<Entry> it = freeRun.iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (e.frame.cameraId().equals(cameraId) && e.frame.monotonicNanos() >= fromMonotonicNanos) {
                    it.remove();
                    e.triggered = true;
                    moved.add(e);
                }
            }
            int promoted = moved.size();
            if (promoted > 0) {
                moved.addAll(triggered);
                moved.sort(Comparator.comparingLong(e -> e.order));
                triggered.clear();
                triggered.addAll(moved);
            }
            return promoted;
        } finally {
            lock.unlock();
        }
    }

    /** Stops accepting frames and returns those still queued (the caller closes them). */
    List<Entry> close() {
        lock.lock();
        try {
            closed = true;
            List<Entry> rest = new ArrayList<>(size());
            rest.addAll(triggered);
            rest.addAll(freeRun);
            triggered.clear();
            freeRun.clear();
            notEmpty.signalAll();
            notFull.signalAll();
            return rest;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return triggered.size() + freeRun.size();
        } finally {
            lock.unlock();
        }
    }

    int triggeredSize() {
        lock.lock();
        try {
            return triggered.size();
        } finally {
            lock.unlock();
        }
    }

    int maxDepth() {
        lock.lock();
        try {
            return maxDepth;
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        return capacity;
    }
}
