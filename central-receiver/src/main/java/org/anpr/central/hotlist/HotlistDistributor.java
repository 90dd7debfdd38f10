package org.anpr.central.hotlist;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.anpr.central.ingest.CommitListener;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.routing.Downstream;
import org.anpr.central.routing.OutboundMessage;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps connected gantries' hotlists current: every change is pushed at once to every gantry
 * online and subscribed to its hotlist topic; a gantry whose status reports an older version
 * gets the delta from that version (or a snapshot when it is too far behind).
 *
 * <p>Deltas go only to online gantries: an offline one is brought up to date from its first
 * status after reconnecting, which is both smaller and never stale.
 */
public final class HotlistDistributor implements CommitListener, Downstream.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(HotlistDistributor.class);

    private final CentralHotlist hotlist;
    private final Downstream downstream;
    private final ReceiverMetrics metrics;
    /** Version each gantry last reported in its status. */
    private final Map<String, Long> reported = new ConcurrentHashMap<>();
    /** Version the current connection of each gantry has been sent up to. */
    private final Map<String, Long> sent = new ConcurrentHashMap<>();

    public HotlistDistributor(CentralHotlist hotlist, Downstream downstream, ReceiverMetrics metrics) {
        this.hotlist = hotlist;
        this.downstream = downstream;
        this.metrics = metrics;
        hotlist.addListener(this::pushChange);
    }

    /** Serialised with {@link #sync} so that a gantry never receives deltas out of order. */
    private synchronized void pushChange(long newVersion) {
        List<byte[]> delta = encoded(newVersion - 1);
        for (String gantry : downstream.onlineSubscribers(TopicKind.HOTLIST)) {
            sent(gantry, newVersion, send(gantry, delta));
        }
    }

    /** Records what the gantry's connection has; after a refusal nothing, so that its next status syncs it again. */
    private void sent(String gantry, long version, boolean all) {
        if (all) {
            sent.put(gantry, version);
        } else {
            sent.remove(gantry);
        }
    }

    @Override
    public void committed(String gantryId, Topic topic, Envelope envelope, byte[] payload) {
        if (topic.kind() == TopicKind.STATUS) {
            reported.put(gantryId, envelope.getStatus().getHotlistVersion());
            sync(gantryId);
        }
    }

    /** A (re)subscription or a reconnect: whatever the previous connection was sent may not have arrived. */
    @Override
    public synchronized void onReady(String gantryId, TopicKind kind) {
        if (kind == TopicKind.HOTLIST) {
            sent.remove(gantryId);
            sync(gantryId);
        }
    }

    @Override
    public void onOffline(String gantryId) {
        sent.remove(gantryId);
    }

    private synchronized void sync(String gantryId) {
        Long version = reported.get(gantryId);
        long current = hotlist.version();
        if (version == null || version == current || Long.valueOf(current).equals(sent.get(gantryId))) {
            return;
        }
        if (!downstream.isOnlineSubscriber(gantryId, TopicKind.HOTLIST)) {
            return; // sent when it subscribes
        }
        sent(gantryId, current, send(gantryId, encoded(version)));
    }

    private List<byte[]> encoded(long fromVersion) {
        try {
            return hotlist.encodedSince(fromVersion);
        } catch (ProtocolException e) {
            LOG.error("the hotlist from version {} does not encode: {}", fromVersion, e.getMessage());
            return null;
        }
    }

    /** @return whether every part was taken (false: its session's queue was full, or it is gone) */
    private boolean send(String gantryId, List<byte[]> parts) {
        if (parts == null) {
            return false;
        }
        Topic topic = Topic.of(gantryId, TopicKind.HOTLIST);
        for (byte[] part : parts) {
            if (!downstream.send(gantryId, new OutboundMessage(null, topic, part, null))) {
                LOG.warn("hotlist for {} not sent in full: its downstream queue is full or it went away; synced at its next status",
                        gantryId);
                return false;
            }
            metrics.increment(ReceiverMetrics.Counter.DOWNSTREAM_SENT);
        }
        return true;
    }
}
