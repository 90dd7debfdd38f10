package org.anpr.central.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionViolation;

/**
 * A {@link ReadStore} that hands every call to another one: the base of the decorators given to
 * {@code Receiver(config, decorateStore)} (a test's gate in front of commits, the demo's commit
 * log), which override only what they watch.
 */
public abstract class ForwardingReadStore implements ReadStore {
    protected final ReadStore delegate;

    protected ForwardingReadStore(ReadStore delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void commit(List<StoreWrite> writes) throws StoreException {
        delegate.commit(writes);
    }

    @Override
    public boolean betweenCommits() throws StoreException {
        return delegate.betweenCommits();
    }

    @Override
    public long countReads() throws StoreException {
        return delegate.countReads();
    }

    @Override
    public Optional<PlateRead> findRead(byte[] readId) throws StoreException {
        return delegate.findRead(readId);
    }

    @Override
    public long countAlerts(StoreWrite.AlertSource source) throws StoreException {
        return delegate.countAlerts(source);
    }

    @Override
    public long countViolations() throws StoreException {
        return delegate.countViolations();
    }

    @Override
    public List<RejectedPayload> rejected() throws StoreException {
        return delegate.rejected();
    }

    @Override
    public Map<String, SectionViolation> latestViolations() throws StoreException {
        return delegate.latestViolations();
    }

    @Override
    public List<PendingDelivery> pendingDeliveries() throws StoreException {
        return delegate.pendingDeliveries();
    }

    @Override
    public List<FleetEntry> fleet() throws StoreException {
        return delegate.fleet();
    }

    @Override
    public PurgeResult purge(Cutoffs cutoffs) throws StoreException {
        return delegate.purge(cutoffs);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
