package org.anpr.demo.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.anpr.central.store.ForwardingReadStore;
import org.anpr.central.store.ReadStore;
import org.anpr.central.store.StoreException;
import org.anpr.central.store.StoreWrite;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionViolation;

/**
 * The centre's store, watched: every read and violation the receiver commits is noted with the
 * time its commit returned, so the demo can measure capture → centre commit without touching
 * the receiver. Everything else passes straight through.
 */
public final class CommitLog extends ForwardingReadStore {
    /** A read the centre committed, and when. */
    public record Committed(PlateRead read, long committedMicros) {
        public long latencyMicros() {
            return committedMicros - read.getCaptureTime().getEpochMicros();
        }
    }

    private final Map<String, Committed> reads = new ConcurrentHashMap<>();
    private final Map<String, SectionViolation> violations = new ConcurrentHashMap<>();

    public CommitLog(ReadStore store) {
        super(store);
    }

    @Override
    public void commit(List<StoreWrite> writes) throws StoreException {
        delegate.commit(writes);
        long now = java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        for (StoreWrite w : writes) {
            if (w instanceof StoreWrite.Read r) {
                // the first commit counts: an alert's read comes again in its batch, a redelivery again after a loss
                reads.putIfAbsent(id(r.read().getReadId().toByteArray()), new Committed(r.read(), now));
            } else if (w instanceof StoreWrite.Violation v) {
                violations.putIfAbsent(id(v.violation().getViolationId().toByteArray()), v.violation());
            }
        }
    }

    /** Every distinct read committed so far. */
    public List<Committed> reads() {
        return new ArrayList<>(reads.values());
    }

    public int readCount() {
        return reads.size();
    }

    /** Every distinct violation (and not-enforceable record) committed so far. */
    public List<SectionViolation> violations() {
        return new ArrayList<>(violations.values());
    }

    public static String id(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
