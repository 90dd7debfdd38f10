package org.anpr.central.hotlist;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.HotlistDelta;
import org.anpr.protocol.v1.HotlistEntry;
import org.anpr.protocol.v1.MatchKind;
import org.anpr.protocol.v1.PlateRead;

/**
 * The national hotlist: versioned, every change a delta, exact matching for the centre's second
 * line of defence. Thread-safe; changes are serialised, lookups take the same short lock.
 */
public final class CentralHotlist {
    private final HotlistStore store;
    private final int historyVersions;
    private final int chunkSize;
    private final WireCodec codec;
    private final Map<String, HotlistEntry> entries = new HashMap<>();
    private final Map<String, List<HotlistEntry>> byPlate = new HashMap<>();
    /** version -> the changes of that version. */
    private final TreeMap<Long, List<HotlistStore.Change>> history = new TreeMap<>();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private long version;
    private long deltaFloor;
    /** The encoded snapshot of {@link #snapshotVersion}: built once per version, shared by every gantry that needs one. */
    private List<byte[]> snapshotBytes = List.of();
    private long snapshotVersion = -1;

    public CentralHotlist(HotlistStore store, int historyVersions, int chunkSize, WireCodec codec) throws Exception {
        this.store = store;
        this.historyVersions = historyVersions;
        this.chunkSize = chunkSize;
        this.codec = codec;
        HotlistStore.Saved saved = store.load();
        version = saved.version();
        deltaFloor = saved.deltaFloor();
        saved.entries().forEach(this::index);
        for (HotlistStore.Change c : saved.history()) {
            history.computeIfAbsent(c.version(), v -> new ArrayList<>()).add(c);
        }
    }

    /** Called with the new version after every change, outside the lock. */
    public void addListener(LongConsumer onNewVersion) {
        listeners.add(onNewVersion);
    }

    public synchronized long version() {
        return version;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Every entry, by entry id. */
    public synchronized List<HotlistEntry> entries() {
        List<HotlistEntry> all = new ArrayList<>(entries.values());
        all.sort(java.util.Comparator.comparing(HotlistEntry::getEntryId));
        return all;
    }

    public synchronized java.util.Optional<HotlistEntry> entry(String entryId) {
        return java.util.Optional.ofNullable(entries.get(entryId));
    }

    /** The changes of the kept versions below {@code beforeVersion}, newest first, at most {@code limit} versions. */
    public synchronized List<List<HotlistStore.Change>> history(long beforeVersion, int limit) {
        List<List<HotlistStore.Change>> out = new ArrayList<>();
        for (List<HotlistStore.Change> cs : history.headMap(beforeVersion, false).descendingMap().values()) {
            if (out.size() == limit) {
                break;
            }
            out.add(List.copyOf(cs));
        }
        return out;
    }

    /**
     * Applies one change set as the next version, durably, then notifies listeners.
     *
     * @throws ProtocolException when an entry is invalid; nothing changes then
     */
    public long apply(List<HotlistEntry> upserts, List<String> removedIds) throws Exception {
        for (HotlistEntry e : upserts) {
            codec.validator().validate(e, "upserts");
        }
        long newVersion;
        synchronized (this) {
            newVersion = version + 1;
            List<HotlistStore.Change> changes = new ArrayList<>();
            upserts.forEach(e -> changes.add(new HotlistStore.Change(newVersion, e.getEntryId(), e)));
            removedIds.forEach(id -> changes.add(new HotlistStore.Change(newVersion, id, null)));
            long newFloor = Math.max(deltaFloor, newVersion - historyVersions);
            store.save(newVersion, changes, newFloor);
            for (HotlistStore.Change c : changes) {
                unindex(c.entryId());
                if (c.entry() != null) {
                    index(c.entry());
                }
            }
            history.put(newVersion, changes);
            history.headMap(newFloor, true).clear();
            deltaFloor = newFloor;
            version = newVersion;
        }
        listeners.forEach(l -> l.accept(newVersion));
        return newVersion;
    }

    /**
     * What a gantry at {@code fromVersion} needs: nothing when current, a delta when the history
     * reaches back that far, otherwise a full snapshot in chunks.
     */
    public synchronized List<HotlistDelta> deltaSince(long fromVersion) {
        if (fromVersion == version) {
            return List.of();
        }
        long now = System.currentTimeMillis() * 1000;
        if (fromVersion < deltaFloor || fromVersion > version) {
            return snapshot(now);
        }
        Map<String, HotlistStore.Change> latest = new LinkedHashMap<>();
        NavigableMap<Long, List<HotlistStore.Change>> newer = history.tailMap(fromVersion, false);
        newer.values().forEach(cs -> cs.forEach(c -> latest.put(c.entryId(), c)));
        HotlistDelta.Builder d = HotlistDelta.newBuilder().setFromVersion(fromVersion).setToVersion(version).setPublishedAtMicros(now);
        for (HotlistStore.Change c : latest.values()) {
            if (c.entry() != null) {
                d.addUpserts(c.entry());
            } else {
                d.addRemovedEntryIds(c.entryId());
            }
        }
        return List.of(d.build());
    }

    /**
     * {@link #deltaSince} encoded for the wire. A snapshot is built and encoded once per version
     * and the same bytes are handed to every gantry behind, so that a thousand gantries coming
     * back at once cost one snapshot, not a thousand.
     */
    public synchronized List<byte[]> encodedSince(long fromVersion) throws ProtocolException {
        boolean snapshot = fromVersion != version && (fromVersion < deltaFloor || fromVersion > version);
        if (snapshot && snapshotVersion == version) {
            return snapshotBytes;
        }
        List<byte[]> out = new ArrayList<>();
        for (HotlistDelta d : deltaSince(fromVersion)) {
            out.add(codec.encode(d));
        }
        if (snapshot) {
            snapshotBytes = List.copyOf(out);
            snapshotVersion = version;
        }
        return out;
    }

    private List<HotlistDelta> snapshot(long nowMicros) {
        List<HotlistEntry> all = new ArrayList<>(entries.values());
        int chunks = Math.max(1, (all.size() + chunkSize - 1) / chunkSize);
        List<HotlistDelta> out = new ArrayList<>(chunks);
        for (int i = 0; i < chunks; i++) {
            out.add(HotlistDelta.newBuilder().setToVersion(version).setFullSnapshot(true).setPublishedAtMicros(nowMicros)
                    .setChunkIndex(i).setChunkCount(chunks)
                    .addAllUpserts(all.subList(i * chunkSize, Math.min(all.size(), (i + 1) * chunkSize))).build());
        }
        return out;
    }

    /** Exact matches of a read against entries valid at its capture time (country must agree when both say one). */
    public synchronized List<HotlistAlert> match(PlateRead read) {
        List<HotlistEntry> candidates = byPlate.get(read.getPlateText());
        if (candidates == null) {
            return List.of();
        }
        long at = read.getCaptureTime().getEpochMicros();
        List<HotlistAlert> alerts = new ArrayList<>(1);
        for (HotlistEntry e : candidates) {
            boolean valid = (e.getValidFromMicros() == 0 || at >= e.getValidFromMicros())
                    && (e.getValidUntilMicros() == 0 || at <= e.getValidUntilMicros());
            boolean country = e.getCountry().isEmpty() || read.getCountry().isEmpty() || e.getCountry().equals(read.getCountry());
            if (valid && country) {
                alerts.add(HotlistAlert.newBuilder().setAlertId(ByteString.copyFrom(Uuid7.toBytes(Uuid7.next())))
                        .setRead(read).setEntry(e).setMatchKind(MatchKind.MATCH_KIND_EXACT).setHotlistVersion(version).build());
            }
        }
        return alerts;
    }

    private void index(HotlistEntry e) {
        entries.put(e.getEntryId(), e);
        byPlate.computeIfAbsent(e.getPlateText(), p -> new ArrayList<>(1)).add(e);
    }

    private void unindex(String entryId) {
        HotlistEntry old = entries.remove(entryId);
        if (old != null) {
            List<HotlistEntry> list = byPlate.get(old.getPlateText());
            list.removeIf(x -> x.getEntryId().equals(entryId));
            if (list.isEmpty()) {
                byPlate.remove(old.getPlateText());
            }
        }
    }
}
