package org.anpr.central.hotlist;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.anpr.central.ingest.CommitListener;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.routing.Downstream;
import org.anpr.central.routing.OutboundMessage;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.HotlistDelta;
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
    private final WireCodec codec;
    private final ReceiverMetrics metrics;
    /** Version each gantry last reported in its status. */
    private final Map<String, Long> reported = new ConcurrentHashMap<>();
    /** Version the current connection of each gantry has been sent up to. */
    private final Map<String, Long> sent = new ConcurrentHashMap<>();

    public HotlistDistributor(CentralHotlist hotlist, Downstream downstream, WireCodec codec, ReceiverMetrics metrics) {
        this.hotlist = hotlist;
        this.downstream = downstream;
        this.codec = codec;
        this.metrics = metrics;
        hotlist.addListener(this::pushChange);
    }

    /** Serialised with {@link #sync} so that a gantry never receives deltas out of order. */
    private synchronized void pushChange(long newVersion) {
        List<HotlistDelta> delta = hotlist.deltaSince(newVersion - 1);
        for (String gantry : downstream.onlineSubscribers(TopicKind.HOTLIST)) {
            send(gantry, delta);
            sent.put(gantry, newVersion);
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
        send(gantryId, hotlist.deltaSince(version));
        sent.put(gantryId, current);
    }

    private void send(String gantryId, List<HotlistDelta> parts) {
        Topic topic = Topic.of(gantryId, TopicKind.HOTLIST);
        for (HotlistDelta d : parts) {
            try {
                downstream.send(gantryId, new OutboundMessage(null, topic, codec.encode(d), null));
                metrics.increment(ReceiverMetrics.Counter.DOWNSTREAM_SENT);
            } catch (ProtocolException e) {
                LOG.error("hotlist delta {}->{} for {} does not encode: {}", d.getFromVersion(), d.getToVersion(), gantryId, e.getMessage());
            }
        }
    }
}
