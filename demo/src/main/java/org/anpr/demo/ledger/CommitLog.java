package org.anpr.demo.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.anpr.central.store.FleetEntry;
import org.anpr.central.store.PendingDelivery;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.RejectedPayload;
import org.anpr.central.store.StoreException;
import org.anpr.central.store.StoreWrite;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionViolation;

/**
 * The centre's store, watched: every read and violation the receiver commits is noted with the
 * time its commit returned, so the demo can measure capture → centre commit without touching
 * the receiver. Everything else passes straight through.
 */
public final class CommitLog implements ReadStore {
    /** A read the centre committed, and when. */
    public record Committed(PlateRead read, long committedMicros) {
        public long latencyMicros() {
            return committedMicros - read.getCaptureTime().getEpochMicros();
        }
    }

    private final ReadStore store;
    private final Map<String, Committed> reads = new ConcurrentHashMap<>();
    private final Map<String, SectionViolation> violations = new ConcurrentHashMap<>();
    private volatile long duplicates;

    public CommitLog(ReadStore store) {
        this.store = store;
    }

    @Override
    public void commit(List<StoreWrite> writes) throws StoreException {
        store.commit(writes);
        long now = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        for (StoreWrite w : writes) {
            if (w instanceof StoreWrite.Read r) {
                // the first commit counts: an alert's read comes again in its batch, a redelivery again after a loss
                if (reads.putIfAbsent(id(r.read().getReadId().toByteArray()), new Committed(r.read(), now)) != null) {
                    duplicates++;
                }
            } else if (w instanceof StoreWrite.Violation v) {
                violations.putIfAbsent(id(v.violation().getViolationId().toByteArray()), v.violation());
            }
        }
    }

    /** Every distinct read committed so far. */
    public List<Committed> reads() {
        return new ArrayList<>(reads.values());
    }

    public Optional<Committed> read(String readIdHex) {
        return Optional.ofNullable(reads.get(readIdHex));
    }

    public int readCount() {
        return reads.size();
    }

    /** Every distinct violation (and not-enforceable record) committed so far. */
    public List<SectionViolation> violations() {
        return new ArrayList<>(violations.values());
    }

    /** Reads committed again (an alert's read in its batch, or redelivered); the store keeps one. */
    public long duplicates() {
        return duplicates;
    }

    public static String id(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    // ---- straight through

    @Override
    public boolean betweenCommits() throws StoreException {
        return store.betweenCommits();
    }

    @Override
    public long countReads() throws StoreException {
        return store.countReads();
    }

    @Override
    public Optional<PlateRead> findRead(byte[] readId) throws StoreException {
        return store.findRead(readId);
    }

    @Override
    public long countAlerts(StoreWrite.AlertSource source) throws StoreException {
        return store.countAlerts(source);
    }

    @Override
    public long countViolations() throws StoreException {
        return store.countViolations();
    }

    @Override
    public List<RejectedPayload> rejected() throws StoreException {
        return store.rejected();
    }

    @Override
    public Map<String, SectionViolation> latestViolations() throws StoreException {
        return store.latestViolations();
    }

    @Override
    public List<PendingDelivery> pendingDeliveries() throws StoreException {
        return store.pendingDeliveries();
    }

    @Override
    public List<FleetEntry> fleet() throws StoreException {
        return store.fleet();
    }

    @Override
    public PurgeResult purge(Cutoffs cutoffs) throws StoreException {
        return store.purge(cutoffs);
    }

    @Override
    public void close() {
        store.close();
    }
}
