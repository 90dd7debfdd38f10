package org.anpr.central.support;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.anpr.central.store.ForwardingReadStore;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.StoreException;
import org.anpr.central.store.StoreWrite;

/**
 * The real SQLite store with a gate in front of {@code commit}: while held, commits wait (the
 * writer thread blocks, exactly as on a slow disk). Not a mock: every write still goes to SQLite,
 * except a write that {@link #refuse} names, whose commit fails as a real store's would.
 */
public final class HoldingStore extends ForwardingReadStore {
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Function<StoreWrite, Throwable> refusal = w -> null;

    public HoldingStore(ReadStore real) {
        super(real);
    }

    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    /**
     * Fails every commit that contains a write for which {@code why} gives a failure (a
     * {@link StoreException}, a {@link RuntimeException} or an {@link Error}); nothing of it is stored.
     */
    public void refuse(Function<StoreWrite, Throwable> why) {
        refusal = why;
    }

    /** Commits currently blocked at the gate. */
    public int waiting() {
        return waiting.get();
    }

    @Override
    public void commit(List<StoreWrite> writes) throws StoreException {
        waiting.incrementAndGet();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while held", e);
        } finally {
            waiting.decrementAndGet();
        }
        for (StoreWrite w : writes) {
            Throwable t = refusal.apply(w);
            if (t instanceof StoreException e) {
                throw e;
            } else if (t instanceof RuntimeException e) {
                throw e;
            } else if (t instanceof Error e) {
                throw e;
            }
        }
        delegate.commit(writes);
    }

    @Override
    public void close() {
        release();
        delegate.close();
    }
}
