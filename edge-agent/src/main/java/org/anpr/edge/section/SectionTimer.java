package org.anpr.edge.section;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.anpr.edge.section.PassageStore.Pending;
import org.anpr.edge.section.PassageStore.Side;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionPassage;
import org.anpr.protocol.v1.SectionViolation;
import org.anpr.protocol.v1.ViolationOutcome;

/**
 * Section-speed timing. At an entry gantry, a read becomes a {@link SectionPassage} for the
 * centre to route to the exit gantry. At the exit gantry, passages (from {@code section-entries})
 * and the gantry's own reads are matched by plate text, in whichever order they arrive; a
 * speeding vehicle produces a sealed {@link SectionViolation} (or a NOT_ENFORCEABLE record with
 * the reason), everything else is deleted as soon as it is matched or expires.
 *
 * <p>Thread-safe (methods are synchronised: the recognition pipeline and the MQTT callback both
 * call in).
 */
public final class SectionTimer implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SectionTimer.class);
    /** Where passages and violations go: the outbox. Must be durable when it returns. */
    public interface Sink {
        void passage(SectionPassage passage) throws ProtocolException, SQLException;

        void violation(SectionViolation violation) throws ProtocolException, SQLException;
    }

    private final String gantryId;
    private final PassageStore store;
    private final Sink sink;
    private List<SectionDefinition> sections;
    private SectionSettings settings;
    private long foreignPassages;

    private SectionTimer(String gantryId, PassageStore store, Sink sink, List<SectionDefinition> sections, SectionSettings settings) {
        this.gantryId = gantryId;
        this.store = store;
        this.sink = sink;
        this.sections = List.copyOf(sections);
        this.settings = settings;
    }

    /** Opens the store and hands any violation issued before a crash (but not yet in the outbox) to the sink. */
    public static SectionTimer open(Path file, String gantryId, List<SectionDefinition> sections, SectionSettings settings, Sink sink)
            throws SQLException, ProtocolException {
        SectionTimer timer = new SectionTimer(gantryId, new PassageStore(file), sink, sections, settings);
        for (SectionViolation v : timer.store.unhanded()) {
            timer.handOff(v);
        }
        return timer;
    }

    public synchronized void reconfigure(List<SectionDefinition> sections, SectionSettings settings) {
        this.sections = List.copyOf(sections);
        this.settings = settings;
    }

    /**
     * A read of this gantry: publishes passages for the sections it enters and matches the
     * sections it exits. Returns the violations (and not-enforceable records) it issued.
     */
    public synchronized List<SectionViolation> onRead(PlateRead read) throws SQLException, ProtocolException {
        List<SectionViolation> issued = new ArrayList<>();
        for (SectionDefinition s : sections) {
            if (s.isEntry(read.getGantryId(), read.getCameraId())) {
                sink.passage(SectionPassage.newBuilder().setPassageId(newId()).setSectionId(s.id())
                        .setEntryGantryId(read.getGantryId()).setExitGantryId(s.exitGantryId()).setRead(read)
                        .setExpiresAtMicros(expiry(read)).build());
            }
            if (s.isExit(read.getGantryId(), read.getCameraId())) {
                Pending entry = latestBefore(store.pending(s.id(), Side.ENTRY, read.getPlateText()), read);
                if (entry == null) {
                    store.addPending(s.id(), Side.EXIT, read, expiry(read));
                } else {
                    evaluate(s, entry.read(), read, entry.rowId()).ifPresent(issued::add);
                }
            }
        }
        return issued;
    }

    /** A passage routed to this (exit) gantry by the centre. */
    public synchronized Optional<SectionViolation> onPassage(SectionPassage passage) throws SQLException, ProtocolException {
        SectionDefinition s = section(passage.getSectionId());
        if (s == null || !s.exitGantryId().equals(gantryId)) {
            return Optional.empty(); // not ours (stale routing or a section removed by reconfiguration)
        }
        PlateRead entry = passage.getRead();
        // only the section's configured entry may start a measurement: any other gantry's passage
        // (a forged early entry) would seal a violation for a plate that never drove the section
        String from = passage.getEntryGantryId();
        if (!from.equals(s.entryGantryId()) || !entry.getGantryId().equals(s.entryGantryId())
                || (s.entryCameraId() != null && !s.entryCameraId().equals(entry.getCameraId()))) {
            foreignPassages++;
            LOG.warn("passage {} for section {} refused: from gantry {} camera {}, but the section's entry is {}{}",
                    java.util.HexFormat.of().formatHex(passage.getPassageId().toByteArray()), s.id(), from, entry.getCameraId(),
                    s.entryGantryId(), s.entryCameraId() == null ? "" : " camera " + s.entryCameraId());
            return Optional.empty();
        }
        for (Pending exit : store.pending(s.id(), Side.EXIT, entry.getPlateText())) {
            if (exit.read().getCaptureTime().getEpochMicros() > entry.getCaptureTime().getEpochMicros()) {
                return evaluate(s, entry, exit.read(), exit.rowId());
            }
        }
        store.addPending(s.id(), Side.ENTRY, entry, passage.getExpiresAtMicros());
        return Optional.empty();
    }

    /**
     * Deletes unmatched passages and exit reads that expired; returns how many. Also retries
     * handing violations to the sink that an earlier failure left behind.
     */
    public synchronized int expire(long nowMicros) throws SQLException {
        try {
            for (SectionViolation v : store.unhanded()) {
                handOff(v);
            }
        } catch (ProtocolException e) {
            throw new IllegalStateException("a sealed violation no longer encodes", e);
        }
        return store.expire(nowMicros);
    }

    /** Passages refused because they did not come from their section's configured entry. */
    public synchronized long foreignPassages() {
        return foreignPassages;
    }

    /** Passages and exit reads waiting for their other half. */
    public synchronized int pendingCount() throws SQLException {
        return store.pendingCount();
    }

    /** The last issued sequence number of this gantry's violation chain. */
    public synchronized long chainSequence() throws SQLException {
        return store.chainHead().sequence();
    }

    private Optional<SectionViolation> evaluate(SectionDefinition s, PlateRead entry, PlateRead exit, long pendingRow)
            throws SQLException, ProtocolException {
        SpeedEvaluation e = SpeedEvaluation.of(s, settings, entry, exit);
        if (e == null || !e.speeding()) {
            store.delete(pendingRow); // personal data of a vehicle that did not speed: gone at once
            return Optional.empty();
        }
        SectionViolation.Builder v = SectionViolation.newBuilder().setViolationId(newId()).setSectionId(s.id())
                .setEntryRead(entry).setExitRead(exit)
                .setDistanceM(s.distanceM()).setDistanceUncertaintyM(s.distanceUncertaintyM())
                .setConservativeElapsedMicros(e.conservativeElapsedMicros())
                .setMeasuredSpeedKmh(e.measuredKmh()).setConservativeSpeedKmh(e.conservativeKmh())
                .setSpeedLimitKmh(s.speedLimitKmh()).setMarginKmh(e.marginKmh()).setEnforcedSpeedKmh(e.enforcedKmh())
                .setMarginRule(s.margin().name());
        if (e.notEnforceableReason() == null) {
            v.setOutcome(ViolationOutcome.VIOLATION_OUTCOME_VIOLATION);
        } else {
            v.setOutcome(ViolationOutcome.VIOLATION_OUTCOME_NOT_ENFORCEABLE).setNotEnforceableReason(e.notEnforceableReason());
        }
        SectionViolation sealed = store.issue(v.build(), pendingRow, settings.signingKey());
        handOff(sealed);
        return Optional.of(sealed);
    }

    private void handOff(SectionViolation v) throws SQLException, ProtocolException {
        sink.violation(v);
        store.handedOff(v.getSequence());
    }

    private static Pending latestBefore(List<Pending> entries, PlateRead exit) {
        Pending best = null;
        for (Pending p : entries) {
            if (p.read().getCaptureTime().getEpochMicros() < exit.getCaptureTime().getEpochMicros()) {
                best = p; // list is oldest first, so the last qualifying one is the latest
            }
        }
        return best;
    }

    private SectionDefinition section(String id) {
        for (SectionDefinition s : sections) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    private long expiry(PlateRead read) {
        return read.getCaptureTime().getEpochMicros() + settings.passageTtl().toNanos() / 1000;
    }

    private static ByteString newId() {
        return ByteString.copyFrom(Uuid7.toBytes(Uuid7.next()));
    }

    @Override
    public synchronized void close() throws SQLException {
        store.close();
    }
}
