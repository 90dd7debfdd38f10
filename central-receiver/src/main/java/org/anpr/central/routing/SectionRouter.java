package org.anpr.central.routing;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>A passage is committed to the {@code deliveries} table together with its ingest (so the
 * entry gantry's PUBACK covers it), held while the exit gantry is offline, and deleted when the
 * exit gantry acknowledges it: it is not stored beyond delivery.
 */
public final class SectionRouter implements CommitListener, Downstream.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(SectionRouter.class);

    private final Downstream downstream;
    private final GroupCommitWriter writer;
    /** exit gantry -> key -> held passage, oldest first. */
    private final Map<String, LinkedHashMap<String, PendingDelivery>> held = new LinkedHashMap<>();

    public SectionRouter(Downstream downstream, GroupCommitWriter writer, List<PendingDelivery> fromStore) {
        this.downstream = downstream;
        this.writer = writer;
        fromStore.forEach(this::hold);
    }

    /** The write that holds a passage for its exit gantry; part of the passage's own ingest commit. */
    public static StoreWrite holdWrite(SectionPassage passage, byte[] payload, long nowMicros) {
        return new StoreWrite.Enqueue(pending(passage, payload, nowMicros));
    }

    private static PendingDelivery pending(SectionPassage p, byte[] payload, long nowMicros) {
        return new PendingDelivery(p.getExitGantryId(), p.getPassageId().toByteArray(),
                Topic.of(p.getExitGantryId(), TopicKind.SECTION_ENTRIES).name(), payload, nowMicros, p.getExpiresAtMicros());
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
