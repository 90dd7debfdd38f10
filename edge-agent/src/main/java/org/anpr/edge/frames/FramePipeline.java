package org.anpr.edge.frames;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.anpr.edge.capture.Frame;
import org.anpr.edge.capture.FrameSource;
import org.anpr.edge.capture.SourceStats;
import org.anpr.edge.capture.trigger.TriggerWindows;
import org.anpr.edge.frames.metrics.PipelineMetrics;
import org.anpr.edge.frames.metrics.PipelineSnapshot;
import org.anpr.ocr.PlateRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capture → bounded frame queue → N recognition workers → one read per vehicle passage.
 *
 * <pre>{@code
 * try (PlateRecognizer recognizer = new PlateRecognizer(RecognizerConfig.builder().workerThreads(4).build());
 *      FramePipeline pipeline = new FramePipeline(recognizer, PipelineConfig.withWorkers(4), listener, triggers)) {
 *     pipeline.addSource(ReconnectingStreamSource.open(StreamConfig.of("cam-1", url), clock), 1);
 *     pipeline.start();
 *     ...
 * }   // close(): sources stopped, queued frames discarded (counted), workers joined, open passages emitted
 * }</pre>
 *
 * <p>Threads: one capture thread per source ({@code frame-capture-<camera>}), {@code workers}
 * recognition threads ({@code frame-worker-<n>}) and one poller ({@code frame-poller}); all end in
 * {@link #close()}. The pipeline owns the sources it was given (closes them) and the frames (closes
 * each one after recognition or when it drops it); it does not own the recognizer, which is shared.
 *
 * <p>Overload: the queue drops its oldest free-running frame (never a read: passages live in the
 * aggregator, not in the queue), then the oldest triggered one; frames that waited longer than
 * {@code maxQueueWait} are discarded as stale. Both are counted in {@link #snapshot()}.
 */
public final class FramePipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FramePipeline.class);
    private static final long TAKE_TIMEOUT_MILLIS = 100;

    private record Source(FrameSource source, int lane) {
    }

    private final PipelineConfig config;
    private final TriggerWindows triggers;
    private final FrameQueue queue;
    private final PipelineMetrics metrics = new PipelineMetrics();
    private final PassageAssembler assembler;
    private final FrameWorker work;
    private final List<Source> sources = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong order = new AtomicLong();
    private final AtomicInteger busyWorkers = new AtomicInteger();
    private final AtomicInteger endedSources = new AtomicInteger();
    private final AutoCloseable triggerRegistration;
    private volatile boolean started;
    private volatile boolean stopping;
    private boolean closed;

    /** A free-running pipeline (no loop triggers). */
    public FramePipeline(PlateRecognizer recognizer, PipelineConfig config, PassageListener listener) {
        this(recognizer, config, listener, null);
    }

    /**
     * @param recognizer shared, not closed here; give it at least {@code config.workers()} worker threads
     * @param triggers   loop-detector windows whose frames go first; null for free-run only
     */
    public FramePipeline(PlateRecognizer recognizer, PipelineConfig config, PassageListener listener,
                         TriggerWindows triggers) {
        this.config = config;
        this.triggers = triggers;
        this.queue = new FrameQueue(config.queueCapacity());
        this.assembler = new PassageAssembler(config.aggregator(), config.evidence().maxOverviews(), listener, metrics);
        this.work = new FrameWorker(recognizer, config, listener, metrics, assembler);
        this.triggerRegistration = triggers == null ? null
                : triggers.onOpen((camera, from) -> metrics.triggeredFrames.add(queue.promote(camera, from)));
    }

    /**
     * Plates reported while still in view: a passage whose vote is one of them is emitted at once
     * (the hotlist's plates, so an alert does not wait for the vehicle to leave the picture).
     */
    public FramePipeline emitEarlyWhen(java.util.function.Predicate<String> plate) {
        assembler.emitEarlyWhen(plate);
        return this;
    }

    /** Adds a source (before {@link #start()}); the pipeline closes it. */
    public synchronized FramePipeline addSource(FrameSource source, int lane) {
        if (started) {
            throw new IllegalStateException("sources are added before start()");
        }
        sources.add(new Source(source, lane));
        assembler.lane(source.cameraId(), lane);
        return this;
    }

    /** Starts the workers, the poller and one capture thread per source. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        for (int i = 0; i < config.workers(); i++) {
            spawn("frame-worker-" + i, this::workLoop);
        }
        spawn("frame-poller", this::pollLoop);
        for (Source s : sources) {
            spawn("frame-capture-" + s.source().cameraId(), () -> captureLoop(s.source()));
        }
    }

    /**
     * Waits until every source has ended (finite sources), every queued frame is recognised, then
     * emits the open passages. Live sources never end: then this returns false at the timeout.
     */
    public boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (endedSources.get() < sources.size() || queue.size() > 0 || busyWorkers.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        assembler.flush();
        return true;
    }

    public PipelineSnapshot snapshot() {
        return metrics.snapshot(queue.size(), queue.triggeredSize(), queue.maxDepth(), assembler.openPassages());
    }

    /** Each source's own counters (frames, reconnects, stalls …), by camera id. */
    public Map<String, SourceStats> sourceStats() {
        Map<String, SourceStats> m = new LinkedHashMap<>();
        sources.forEach(s -> m.put(s.source().cameraId(), s.source().stats()));
        return m;
    }

    public PipelineConfig config() {
        return config;
    }

    private void spawn(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void captureLoop(FrameSource source) {
        try {
            Frame f;
            while (!stopping && (f = source.next()) != null) {
                metrics.framesIn.increment();
                boolean triggered = triggers != null && triggers.isTriggered(f.cameraId(), f.monotonicNanos());
                if (triggered) {
                    metrics.triggeredFrames.increment();
                }
                FrameQueue.Entry e = new FrameQueue.Entry(f, triggered, order.getAndIncrement(), source.lossless());
                assembler.pending(FrameWorker.key(e)); // before a worker can see it
                FrameQueue.Entry dropped = e.lossless ? queue.put(e) : queue.offer(e);
                if (dropped != null) {
                    (stopping ? metrics.framesDiscarded : metrics.framesDropped).increment();
                    assembler.abandon(FrameWorker.key(dropped));
                    dropped.frame.close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!stopping) {
                LOG.error("{}: source failed, no more frames from it: {}", source.cameraId(), e.toString());
            }
        } finally {
            endedSources.incrementAndGet();
        }
    }

    private void workLoop() {
        try {
            while (true) {
                FrameQueue.Entry e = queue.take(TAKE_TIMEOUT_MILLIS);
                if (e == null) {
                    if (stopping) {
                        return;
                    }
                    continue;
                }
                busyWorkers.incrementAndGet();
                try {
                    work.process(e);
                } catch (RuntimeException ex) { // a worker must survive anything one frame does
                    LOG.error("frame {} failed", e.frame, ex);
                } finally {
                    busyWorkers.decrementAndGet();
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void pollLoop() {
        try {
            while (!stopping) {
                Thread.sleep(config.pollInterval().toMillis());
                assembler.poll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("passage poller failed", e);
        }
    }

    /**
     * Orderly shutdown: sources closed, queued frames discarded and counted, workers finish the
     * frame in hand and are joined, then every open passage is emitted (a read is never lost).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        if (triggerRegistration != null) {
            try {
                triggerRegistration.close();
            } catch (Exception e) {
                LOG.debug("trigger listener: {}", e.toString());
            }
        }
        sources.forEach(s -> s.source().close());
        for (FrameQueue.Entry e : queue.close()) {
            metrics.framesDiscarded.increment();
            assembler.abandon(FrameWorker.key(e));
            e.frame.close();
        }
        for (Thread t : threads) {
            join(t);
        }
        assembler.flush();
    }

    private static void join(Thread t) {
        try {
            t.join(10_000);
            if (t.isAlive()) { // a source blocked in native code: interrupt, then give it a moment
                t.interrupt();
                t.join(2_000);
                if (t.isAlive()) {
                    LOG.warn("thread {} did not stop", t.getName());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
