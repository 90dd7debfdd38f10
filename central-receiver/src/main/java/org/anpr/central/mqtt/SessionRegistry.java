package org.anpr.central.mqtt;

import io.netty.channel.Channel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.anpr.central.metrics.ReceiverMetrics;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.routing.Downstream;
import org.anpr.central.routing.OutboundMessage;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;

/**
 * Sessions by gantry id (the client id is the gantry id). Persistent sessions outlive their
 * connection while the receiver runs; clean ones end with it.
 */
public final class SessionRegistry implements Downstream {
    /** The session bound to a new connection and whether it existed before (CONNACK's session-present). */
    record Bound(Session session, boolean present) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Downstream.Listener> listeners = new CopyOnWriteArrayList<>();
    private final int maxInflight;
    private final int maxQueued;
    private final ReceiverMetrics metrics;

    /** @param maxQueuedPerSession messages one session queues beyond its in-flight window; more are refused */
    public SessionRegistry(int maxInflightPerClient, int maxQueuedPerSession, ReceiverMetrics metrics) {
        this.maxInflight = maxInflightPerClient;
        this.maxQueued = maxQueuedPerSession;
        this.metrics = metrics;
    }

    public void addListener(Downstream.Listener l) {
        listeners.add(l);
    }

    /** Binds {@code channel} to the gantry's session; an older connection of the same gantry is closed (takeover). */
    Bound connect(String gantryId, boolean cleanSession, Channel channel) {
        Session old = sessions.get(gantryId);
        if (old != null) {
            Channel previous = old.channel();
            if (previous != null && previous != channel) {
                old.detach(previous);
                previous.close();
            }
        }
        if (cleanSession || old == null || !old.persistent()) {
            Session fresh = new Session(gantryId, !cleanSession, maxInflight, maxQueued);
            sessions.put(gantryId, fresh);
            return new Bound(fresh, false);
        }
        return new Bound(old, true);
    }

    /** After CONNACK: starts delivery and tells listeners about every subscription the session already has. */
    void attach(Session s, Channel channel) {
        s.attach(channel);
        for (Topic t : s.subscriptions()) {
            listeners.forEach(l -> l.onReady(s.gantryId(), t.kind()));
        }
    }

    /** @return false when another connection had already taken the session over */
    boolean disconnect(Session s, Channel channel) {
        if (!s.detach(channel)) {
            return false;
        }
        if (!s.persistent()) {
            sessions.remove(s.gantryId(), s);
        }
        listeners.forEach(l -> l.onOffline(s.gantryId()));
        return true;
    }

    /** Tells listeners that the session now subscribes to {@code topic}. */
    void announceReady(Session s, Topic topic) {
        listeners.forEach(l -> l.onReady(s.gantryId(), topic.kind()));
    }

    @Override
    public boolean send(String gantryId, OutboundMessage message) {
        Session s = sessions.get(gantryId);
        if (s == null || !s.subscriptions().contains(message.topic())) {
            return false;
        }
        if (!s.offer(message)) {
            metrics.increment(Counter.DOWNSTREAM_QUEUE_FULL);
            return false;
        }
        return true;
    }

    @Override
    public Set<String> onlineSubscribers(TopicKind kind) {
        Set<String> out = new HashSet<>();
        for (Session s : sessions.values()) {
            if (s.online() && s.subscriptions().contains(Topic.of(s.gantryId(), kind))) {
                out.add(s.gantryId());
            }
        }
        return out;
    }

    @Override
    public boolean isOnlineSubscriber(String gantryId, TopicKind kind) {
        Session s = sessions.get(gantryId);
        return s != null && s.online() && s.subscriptions().contains(Topic.of(gantryId, kind));
    }

    /** Gantries connected right now. */
    public int onlineCount() {
        int n = 0;
        for (Session s : sessions.values()) {
            n += s.online() ? 1 : 0;
        }
        return n;
    }

    /** Sessions kept, online or not. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Whether the gantry has a session subscribed to its topic of {@code kind} (online or not). */
    public boolean isSubscribed(String gantryId, TopicKind kind) {
        Session s = sessions.get(gantryId);
        return s != null && s.subscriptions().contains(Topic.of(gantryId, kind));
    }
}
