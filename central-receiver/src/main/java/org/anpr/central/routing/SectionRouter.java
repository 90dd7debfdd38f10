package org.anpr.central.routing;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anpr.central.config.SectionsConfig;
import org.anpr.central.ingest.CommitListener;
import org.anpr.central.ingest.GroupCommitWriter;
import org.anpr.central.store.PendingDelivery;
import org.anpr.central.store.StoreWrite;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.SectionPassage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes section passages from {@code anpr/v1/{entry}/passages} to {@code anpr/v1/{exit}/section-entries}.
 *
 * <p>Only along the configured sections ({@link SectionRoutes}): a passage is routed when its
 * publisher is its section's entry and it names its section's exit; anything else is refused before
 * it is stored. Held passages are bounded per exit gantry ({@code sections.maxHeldPerExit}) and in
 * time ({@code sections.maxHold}, whatever expiry the entry gantry gave).
 *
 * <p>A passage is committed to the {@code deliveries} table together with its ingest (so the
 * entry gantry's PUBACK covers it), held while the exit gantry is offline, and deleted when the
 * exit gantry acknowledges it: it is not stored beyond delivery.
 */
public final class SectionRouter implements CommitListener, Downstream.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(SectionRouter.class);

    private final Downstream downstream;
    private final GroupCommitWriter writer;
    private final SectionRoutes routes;
    private final int maxHeldPerExit;
    private final long maxHoldMicros;
    /** exit gantry -> key -> held passage, oldest first. */
    private final Map<String, LinkedHashMap<String, PendingDelivery>> held = new LinkedHashMap<>();

    public SectionRouter(Downstream downstream, GroupCommitWriter writer, List<PendingDelivery> fromStore, SectionsConfig sections) {
        this.downstream = downstream;
        this.writer = writer;
        this.routes = new SectionRoutes(sections.routes());
        this.maxHeldPerExit = sections.maxHeldPerExit();
        this.maxHoldMicros = sections.maxHold().toNanos() / 1_000;
        fromStore.forEach(this::hold);
    }

    /** The sections passages and violations are checked against. */
    public SectionRoutes routes() {
        return routes;
    }

    /**
     * The write that holds a passage for its exit gantry, part of the passage's own ingest commit;
     * or why it is refused: not along a configured section, or its exit already holds
     * {@code sections.maxHeldPerExit} passages.
     */
    public Admission admit(String publisher, SectionPassage passage, byte[] payload, long nowMicros) {
        String refusal = routes.refusePassage(publisher, passage);
        if (refusal != null) {
            return Admission.refused(Admission.NOT_A_SECTION_ROUTE, refusal);
        }
        int holding = heldCount(passage.getExitGantryId());
        if (holding >= maxHeldPerExit) {
            return Admission.refused(Admission.HOLD_FULL, "exit gantry " + passage.getExitGantryId() + " already holds " + holding
                    + " passages (sections.maxHeldPerExit)");
        }
        return new Admission(new StoreWrite.Enqueue(pending(passage, payload, nowMicros)), null, null);
    }

    /** A passage's hold write, or the problem ({@link #NOT_A_SECTION_ROUTE}, {@link #HOLD_FULL}) and reason it is refused. */
    public record Admission(StoreWrite hold, String problem, String reason) {
        public static final String NOT_A_SECTION_ROUTE = "NOT_A_SECTION_ROUTE";
        public static final String HOLD_FULL = "HOLD_FULL";

        static Admission refused(String problem, String reason) {
            return new Admission(null, problem, reason);
        }
    }

    /** Passages held for all exit gantries. */
    public synchronized int heldTotal() {
        int n = 0;
        for (Map<String, PendingDelivery> m : held.values()) {
            n += m.size();
        }
        return n;
    }

    private synchronized int heldCount(String exitGantry) {
        Map<String, PendingDelivery> m = held.get(exitGantry);
        return m == null ? 0 : m.size();
    }

    private PendingDelivery pending(SectionPassage p, byte[] payload, long nowMicros) {
        long expires = p.getExpiresAtMicros() <= 0 ? nowMicros + maxHoldMicros : Math.min(p.getExpiresAtMicros(), nowMicros + maxHoldMicros);
        return new PendingDelivery(p.getExitGantryId(), p.getPassageId().toByteArray(),
                Topic.of(p.getExitGantryId(), TopicKind.SECTION_ENTRIES).name(), payload, nowMicros, expires);
    }

    /** Forgets passages past their expiry (the store deletes its copies in the same retention run). */
    public synchronized void dropExpired(long nowMicros) {
        held.values().forEach(m -> m.values().removeIf(d -> d.expiresMicros() > 0 && d.expiresMicros() < nowMicros));
        held.values().removeIf(Map::isEmpty);
    }

    @Override
    public void committed(String gantryId, Topic topic, Envelope envelope, byte[] payload) {
        if (topic.kind() != TopicKind.PASSAGES) {
            return;
        }
        PendingDelivery d = pending(envelope.getPassage(), payload, System.currentTimeMillis() * 1000);
        if (hold(d)) {
            offer(d);
        }
    }

    @Override
    public void onReady(String gantryId, TopicKind kind) {
        if (kind == TopicKind.SECTION_ENTRIES) {
            held(gantryId).forEach(this::offer);
        }
    }

    /** Passages waiting for {@code exitGantry}'s acknowledgement. */
    public synchronized List<PendingDelivery> held(String exitGantry) {
        Map<String, PendingDelivery> m = held.get(exitGantry);
        return m == null ? List.of() : new ArrayList<>(m.values());
    }

    private synchronized boolean hold(PendingDelivery d) {
        return held.computeIfAbsent(d.gantryId(), g -> new LinkedHashMap<>()).putIfAbsent(key(d), d) == null;
    }

    private void offer(PendingDelivery d) {
        Topic topic = Topic.of(d.gantryId(), TopicKind.SECTION_ENTRIES);
        if (!downstream.send(d.gantryId(), new OutboundMessage(key(d), topic, d.payload(), () -> delivered(d)))) {
            LOG.debug("passage for {} held until it subscribes", d.gantryId());
        }
    }

    private void delivered(PendingDelivery d) {
        synchronized (this) {
            Map<String, PendingDelivery> m = held.get(d.gantryId());
            if (m == null || m.remove(key(d)) == null) {
                return;
            }
            if (m.isEmpty()) {
                held.remove(d.gantryId());
            }
        }
        // Deleting it needs no acknowledgement of its own: if it is lost, the passage is sent
        // once more after a restart, which the exit gantry deduplicates by passage id.
        writer.submit(List.of(new StoreWrite.Delivered(d.gantryId(), d.messageId())));
    }

    private static String key(PendingDelivery d) {
        return HexFormat.of().formatHex(d.messageId());
    }
}
