package org.anpr.central.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.anpr.central.config.RetentionConfig;
import org.anpr.central.hotlist.CentralHotlist;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.routing.SectionRouter;
import org.anpr.central.store.RejectedPayload;
import org.anpr.central.store.StoreWrite;
import org.anpr.central.store.StoreWrite.AlertSource;
import org.anpr.central.violation.ViolationEvidence;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.HotlistAlert;
import org.anpr.protocol.v1.PlateRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one published payload into store writes and commits them: decode and validate (the
 * gantry's times against the centre's clock too: {@link ClockPlausibility}), central
 * hotlist match, then group commit. A payload that does not decode is quarantined (stored in
 * {@code rejected} with its reason) and still acknowledged: un-acknowledged, the gantry would
 * redeliver it forever and its outbox would never drain past it. What is kept of one gantry's
 * rejects is bounded per day ({@link RejectQuota}).
 */
public final class Ingestor {
    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

    private final WireCodec codec;
    private final CentralHotlist hotlist;
    private final GroupCommitWriter writer;
    private final ReceiverMetrics metrics;
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final ClockPlausibility clock = new ClockPlausibility(() -> System.currentTimeMillis() * 1000);

    private final SectionRouter router;
    private final RejectQuota rejectQuota;
    private final ViolationEvidence evidence;

    /** @param evidence the checks of violations' signatures and chains ({@link ViolationEvidence#NONE}: none) */
    public Ingestor(WireCodec codec, CentralHotlist hotlist, GroupCommitWriter writer, SectionRouter router, ViolationEvidence evidence,
                    RetentionConfig retention, ReceiverMetrics metrics) {
        this.rejectQuota = new RejectQuota(retention.rejectedPerGantryPerDay(), retention.rejectedBytesPerGantryPerDay());
        this.evidence = evidence;
        this.codec = codec;
        this.hotlist = hotlist;
        this.writer = writer;
        this.router = router;
        this.metrics = metrics;
    }

    /** A payload that decodes but that its gantry may not send (a passage or violation off its sections). */
    private static final class Refused extends Exception {
        final String problem;

        Refused(String problem, String reason) {
            super(reason, null, false, false);
            this.problem = problem;
        }
    }

    public void addCommitListener(CommitListener l) {
        listeners.add(l);
    }

    /**
     * Stores what {@code gantryId} published on {@code topic} (already checked against the ACL).
     * The future completes once it is durable, quarantined or not; it fails only when the store does.
     */
    public CompletableFuture<Void> ingest(String gantryId, Topic topic, byte[] payload) {
        long now = System.currentTimeMillis() * 1000;
        Envelope envelope;
        try {
            envelope = codec.decode(topic, payload);
            clock.check(envelope);
        } catch (ProtocolException e) {
            metrics.countRejected(e.problem());
            return quarantine(gantryId, topic, payload, now, e.problem().name(), e.getMessage());
        }
        List<StoreWrite> writes;
        try {
            writes = writesFor(gantryId, envelope, payload, now);
        } catch (Refused r) {
            return quarantine(gantryId, topic, payload, now, r.problem, r.getMessage());
        }
        writes.add(new StoreWrite.Seen(gantryId, now));
        return writer.submit(writes).thenRun(() -> listeners.forEach(l -> l.committed(gantryId, topic, envelope, payload)));
    }

    private CompletableFuture<Void> quarantine(String gantryId, Topic topic, byte[] payload, long now, String problem, String reason) {
        RejectQuota.Verdict verdict = rejectQuota.admit(gantryId, payload.length, now);
        switch (verdict) {
            case DROP_FIRST_OF_DAY -> LOG.warn("gantry {}: over its quota of quarantined payloads for today; further ones are "
                    + "acknowledged and counted, not kept or logged (this one: {})", gantryId, reason);
            case KEEP -> LOG.warn("gantry {}: rejected payload on {} ({} bytes): {}", gantryId, topic, payload.length, reason);
            case DROP -> { }
        }
        if (verdict != RejectQuota.Verdict.KEEP) {
            metrics.increment(Counter.REJECTED_NOT_KEPT);
            return writer.submit(List.of(new StoreWrite.Seen(gantryId, now)));
        }
        return writer.submit(List.of(
                new StoreWrite.Rejected(new RejectedPayload(gantryId, topic.name(), problem, reason, payload, now)),
                new StoreWrite.Seen(gantryId, now)));
    }

    /** Stores a presence change (connect, disconnect); nobody waits for it. */
    public void presence(String gantryId, boolean online) {
        writer.submit(List.of(new StoreWrite.Presence(gantryId, online, System.currentTimeMillis() * 1000)));
    }

    private List<StoreWrite> writesFor(String gantryId, Envelope env, byte[] payload, long now) throws Refused {
        List<StoreWrite> writes = new ArrayList<>();
        switch (env.getPayloadCase()) {
            case READS -> env.getReads().getReadsList().forEach(r -> addRead(writes, r, now));
            case ALERT -> {
                writes.add(new StoreWrite.Alert(env.getAlert(), AlertSource.EDGE, now));
                addRead(writes, env.getAlert().getRead(), now);
            }
            case VIOLATION -> {
                String refusal = router.routes().refuseViolation(gantryId, env.getViolation());
                if (refusal != null) {
                    metrics.increment(Counter.SECTION_REFUSALS);
                    throw new Refused(SectionRouter.Admission.NOT_A_SECTION_ROUTE, refusal);
                }
                String unverified = evidence.refusal(gantryId, env.getViolation());
                if (unverified != null) {
                    metrics.increment(Counter.VIOLATIONS_UNVERIFIED);
                    throw new Refused("BAD_EVIDENCE", unverified);
                }
                if (!evidence.follows(gantryId, env.getViolation())) {
                    metrics.increment(Counter.VIOLATION_CHAIN_BREAKS);
                }
                writes.add(new StoreWrite.Violation(env.getViolation(), gantryId, now));
            }
            case PASSAGE -> {
                SectionRouter.Admission a = router.admit(gantryId, env.getPassage(), payload, now);
                if (a.hold() == null) {
                    metrics.increment(Counter.SECTION_REFUSALS);
                    throw new Refused(a.problem(), a.reason());
                }
                writes.add(a.hold());
            }
            case STATUS -> writes.add(new StoreWrite.Status(env.getStatus(), now));
            default -> LOG.warn("gantry {}: {} is not an upstream payload; ignored", gantryId, env.getPayloadCase());
        }
        return writes;
    }

    /** The read, plus a central alert per exact hotlist match (deduplicated by read and entry in the store). */
    private void addRead(List<StoreWrite> writes, PlateRead read, long now) {
        writes.add(new StoreWrite.Read(read, now));
        for (HotlistAlert a : hotlist.match(read)) {
            metrics.increment(Counter.CENTRAL_ALERTS);
            LOG.info("central hotlist hit: {} at {} (entry {})", read.getPlateText(), read.getGantryId(), a.getEntry().getEntryId());
            writes.add(new StoreWrite.Alert(a, AlertSource.CENTRAL, now));
        }
    }
}
