package org.anpr.edge.hotlist;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.HotlistEntry;
import org.anpr.protocol.v1.MatchKind;
import org.anpr.protocol.v1.PlateRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gantry's local hotlist: SQLite file + compact in-memory index. Lookups are lock-free (the
 * index is immutable and swapped whole after a delta); a hit fetches the entry from SQLite.
 */
public final class Hotlist implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Hotlist.class);
    /** A plate rarely has more entries than this; more are still found on the exact path. */
    private static final int MAX_CANDIDATES = 32;
    private static final Comparator<HotlistMatch> BEST_FIRST = Comparator
            .comparing((HotlistMatch m) -> m.kind() == MatchKind.MATCH_KIND_EXACT ? 0 : 1)
            .thenComparingInt(m -> m.entry().getPriority());

    private final HotlistStore store;
    private volatile HotlistIndex index;
    private volatile long version;
    private volatile long updatedAtMillis;

    private Hotlist(HotlistStore store) throws SQLException {
        this.store = store;
        this.index = store.loadIndex();
        this.version = store.version();
    }

    public static Hotlist open(Path file) throws SQLException {
        return new Hotlist(new HotlistStore(file));
    }

    /** Package-private access for crash tests. */
    HotlistStore store() {
        return store;
    }

    public long version() {
        return version;
    }

    /** When the last delta was applied in this run (epoch millis), 0 if none yet. */
    public long updatedAtMillis() {
        return updatedAtMillis;
    }

    public int size() {
        return index.size();
    }

    public HotlistIndex index() {
        return index;
    }

    /**
     * Every entry valid at {@code atMicros} that {@code plate} matches exactly or after
     * substituting OCR-confusable characters; best first (exact before tolerant, then priority).
     */
    public List<HotlistMatch> match(String plate, long atMicros) throws SQLException {
        HotlistIndex idx = index;
        int[] hits = new int[MAX_CANDIDATES];
        int n = idx.lookup(plate, atMicros, true, hits);
        if (n == 0) {
            return List.of();
        }
        Set<String> plates = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            plates.add(idx.plate(hits[i]));
        }
        List<HotlistMatch> out = new ArrayList<>();
        synchronized (store) {
            for (String candidate : plates) {
                MatchKind kind = candidate.equals(plate) ? MatchKind.MATCH_KIND_EXACT : MatchKind.MATCH_KIND_TOLERANT;
                for (HotlistEntry e : store.entries(candidate)) {
                    if (validAt(e, atMicros)) {
                        out.add(new HotlistMatch(e, kind));
                    }
                }
            }
        }
        out.sort(BEST_FIRST);
        return out;
    }

    /** The alert for the best match of a read, if any: the caller appends it to the outbox. */
    public Optional<HotlistAlert> alertFor(PlateRead read) throws SQLException {
        List<HotlistMatch> matches = match(read.getPlateText(), read.getCaptureTime().getEpochMicros());
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        HotlistMatch best = matches.get(0);
        return Optional.of(HotlistAlert.newBuilder()
                .setAlertId(ByteString.copyFrom(Uuid7.toBytes(Uuid7.next())))
                .setRead(read).setEntry(best.entry()).setMatchKind(best.kind()).setHotlistVersion(version).build());
    }

    /**
     * Applies a delta (or stores a chunk of one) atomically.
     *
     * @return true when the hotlist changed version
     * @throws DeltaRejectedException when it does not follow the current version; nothing changed
     */
    public boolean apply(HotlistDelta delta) throws SQLException, DeltaRejectedException {
        synchronized (store) {
            HotlistStore.Outcome outcome = store.receive(delta);
            if (outcome != HotlistStore.Outcome.APPLIED) {
                return false;
            }
            // Rebuilt from SQLite: simple and exact, O(n) per delta; an overlay for small deltas is
            // the next step if deltas become frequent.
            index = store.loadIndex();
            version = store.version();
            updatedAtMillis = System.currentTimeMillis();
            LOG.info("hotlist at version {} with {} entries", version, index.size());
            return true;
        }
    }

    private static boolean validAt(HotlistEntry e, long atMicros) {
        return (e.getValidFromMicros() == 0 || atMicros >= e.getValidFromMicros())
                && (e.getValidUntilMicros() == 0 || atMicros < e.getValidUntilMicros());
    }

    @Override
    public void close() throws SQLException {
        synchronized (store) {
            store.close();
        }
    }
}
