package org.anpr.central.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.StoreException;
import org.anpr.central.store.StoreWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dedicated thread that commits whatever is queued as one batch: under load many publishes
 * share one fsync; when idle a single publish is committed at once (no waiting for company);
 * in between, commits follow each other no closer than {@link #LINGER_NANOS}.
 *
 * <p>Futures complete in submission order, on this thread, after the commit returned. Past the
 * high-water mark of queued submissions the {@link StoreLagListener} is told to stop reading
 * sockets; below the low-water mark, to resume. The queue itself is unbounded because the
 * listener bounds it: at most one more socket read per connection arrives after the pause.
 *
 * <p>A failed batch is retried one publish at a time, so that one write the store refuses fails
 * only its own publish, not every sender of the batch. An {@link Error} on this thread (the JVM
 * out of memory, a broken native driver) is not survivable: the writer fails everything queued,
 * refuses what comes after and tells its {@linkplain #onDeath death handler}, which in the receiver
 * program exits so that a supervisor restarts it; nothing unacknowledged is lost that way.
 */
public final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    private record Submission(List<StoreWrite> writes, CompletableFuture<Void> done, long submittedNanos) {
    }

    private static final Submission STOP = new Submission(List.of(), null, 0);
    /** Least time between the end of a commit and the start of the next while publishes keep coming. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(4);

    private final ReadStore store;
    private final int maxBatch;
    private final int highWater;
    private final int lowWater;
    private final StoreLagListener lagListener;
    private final ReceiverMetrics metrics;
    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread thread;
    private volatile boolean lagging;
    private volatile boolean closed;
    private volatile Throwable death;
    private volatile Consumer<Throwable> onDeath = t -> { };

    public GroupCommitWriter(ReadStore store, int maxBatch, int highWater, int lowWater, StoreLagListener lagListener,
                             ReceiverMetrics metrics) {
        this.store = store;
        this.maxBatch = maxBatch;
        this.highWater = highWater;
        this.lowWater = lowWater;
        this.lagListener = lagListener;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Called once, on the writer thread, if it dies of an {@link Error}. */
    public void onDeath(Consumer<Throwable> handler) {
        onDeath = handler;
    }

    /** Queues writes for the next commit; the future completes when they are durable. */
    public CompletableFuture<Void> submit(List<StoreWrite> writes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (queue) { // with close(): nothing is queued behind STOP
            if (closed || death != null) {
                done.completeExceptionally(new IllegalStateException(death != null
                        ? "the store writer died: " + death : "the store writer is closed"));
                return done;
            }
            queue.add(new Submission(writes, done, System.nanoTime()));
        }
        if (queued.incrementAndGet() >= highWater && !lagging) {
            setLagging(true);
        }
        return done;
    }

    public int queued() {
        return queued.get();
    }

    public boolean lagging() {
        return lagging;
    }

    private synchronized void setLagging(boolean value) {
        // Re-checked under the lock so that pause and resume cannot cross.
        int n = queued.get();
        if (lagging == value || (value && n < highWater) || (!value && n > lowWater)) {
            return;
        }
        lagging = value;
        if (value) {
            metrics.increment(Counter.BACKPRESSURE_PAUSES);
            LOG.warn("store lags ({} publishes queued): pausing socket reads", n);
        } else {
            LOG.info("store caught up ({} queued): resuming socket reads", n);
        }
        lagListener.storeLagging(value);
    }

    private void run() {
        try {
            loop();
        } catch (Error fatal) {
            die(fatal);
        }
    }

    private void die(Error fatal) {
        LOG.error("the store writer died; nothing more can be stored or acknowledged", fatal);
        List<Submission> left = new ArrayList<>();
        synchronized (queue) {
            death = fatal;
            queue.drainTo(left);
        }
        left.addAll(inBatch);
        for (Submission s : left) {
            if (s.done() != null) {
                s.done().completeExceptionally(fatal);
            }
        }
        onDeath.accept(fatal);
    }

    /** The batch being committed, for {@link #die}: written and read on the writer thread only. */
    private final List<Submission> inBatch = new ArrayList<>();

    private void loop() {
        long lastCommitEnd = System.nanoTime() - LINGER_NANOS;
        List<Submission> batch = inBatch;
        List<StoreWrite> writes = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            linger(lastCommitEnd);
            queue.drainTo(batch, maxBatch - 1);
            writes.clear();
            for (Submission s : batch) {
                if (s == STOP) {
                    stopping = true;
                } else {
                    writes.addAll(s.writes());
                }
            }
            commit(batch, writes);
            lastCommitEnd = System.nanoTime();
            batch.clear();
            betweenCommits();
        }
    }

    /**
     * Right after a commit (the writer is busy, not idle), waits until {@link #LINGER_NANOS} after
     * it before the next one, unless a full batch is already queued. Without this, a moderate load
     * (5,000 reads/s) is committed in batches of ~10, 500 commits a second, each paying an fsync
     * and rewriting the same index pages into the WAL: ~0.4 cores for the writer alone. An idle
     * writer commits a lone publish at once.
     */
    private void linger(long lastCommitEnd) {
        long wait = lastCommitEnd + LINGER_NANOS - System.nanoTime();
        if (wait > 0 && queue.size() < maxBatch - 1) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // commit what was taken; the next take() ends the loop
            }
        }
    }

    private void commit(List<Submission> batch, List<StoreWrite> writes) {
        Exception failure = writes.isEmpty() ? null : tryCommit(writes);
        int real = 0;
        int failed = 0;
        for (Submission s : batch) {
            if (s.done() == null) {
                continue;
            }
            real++;
            // Alone in its batch, a failed publish has failed already; otherwise it is retried by
            // itself, so that one write the store refuses does not fail the others with it.
            Exception own = failure == null ? null : batch.size() == 1 ? failure : tryCommit(s.writes());
            if (own == null) {
                metrics.durableTimes().recordNanos(System.nanoTime() - s.submittedNanos());
                metrics.increment(Counter.MESSAGES_COMMITTED);
                s.done().complete(null);
            } else {
                failed++;
                metrics.increment(Counter.STORE_FAILURES);
                s.done().completeExceptionally(own);
            }
        }
        if (failed > 0) {
            LOG.error("{} of {} publishes could not be stored; their senders are disconnected and will redeliver", failed, real,
                    failure);
        }
        if (queued.addAndGet(-real) <= lowWater && lagging) {
            setLagging(false);
        }
    }

    /** Commits one transaction; the failure, or null. An {@link Error} is not caught. */
    private Exception tryCommit(List<StoreWrite> writes) {
        try {
            long t0 = System.nanoTime();
            store.commit(writes);
            metrics.commitTimes().recordNanos(System.nanoTime() - t0);
            metrics.increment(Counter.COMMITS);
            return null;
        } catch (StoreException | RuntimeException e) {
            return e;
        }
    }

    /** The store's upkeep, after the batch's futures completed: it delays no PUBACK already due. */
    private void betweenCommits() {
        try {
            long t0 = System.nanoTime();
            if (store.betweenCommits()) {
                metrics.upkeepTimes().recordNanos(System.nanoTime() - t0);
            }
        } catch (StoreException | RuntimeException e) {
            LOG.warn("store upkeep between commits failed (retried later): {}", e.toString());
        }
    }

    /** Commits what is queued, then stops; later submissions fail. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (queue) {
            closed = true;
            queue.add(STOP);
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
