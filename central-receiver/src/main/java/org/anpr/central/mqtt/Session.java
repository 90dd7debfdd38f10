package org.anpr.central.mqtt;

import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.anpr.central.routing.OutboundMessage;
import org.anpr.protocol.topic.Topic;

/**
 * One gantry's MQTT session: its subscriptions and its QoS 1 downstream messages, queued and in
 * flight. Survives the connection when persistent (clean session 0); then what is in flight is
 * resent with DUP on reconnect and the queue delivered after it.
 *
 * <p>Synchronized: producers are the hotlist and the router on their own threads, consumers the
 * channel's event loop. Callbacks ({@code onAcked}) run outside the lock.
 */
final class Session {
    private final String gantryId;
    private final boolean persistent;
    private final int maxInflight;
    private final int maxQueued;
    private final Set<Topic> subscriptions = ConcurrentHashMap.newKeySet();
    private final ArrayDeque<OutboundMessage> queue = new ArrayDeque<>();
    /** Sent and not yet acknowledged, oldest first, with when they were (last) sent. */
    private final Map<Integer, InFlight> inflight = new LinkedHashMap<>();
    private final Set<String> keys = new HashSet<>();
    private Channel channel;
    private int lastPacketId;

    private record InFlight(OutboundMessage message, long sentNanos) {
    }

    Session(String gantryId, boolean persistent, int maxInflight, int maxQueued) {
        this.gantryId = gantryId;
        this.persistent = persistent;
        this.maxInflight = maxInflight;
        this.maxQueued = maxQueued;
    }

    String gantryId() {
        return gantryId;
    }

    boolean persistent() {
        return persistent;
    }

    Set<Topic> subscriptions() {
        return subscriptions;
    }

    synchronized boolean online() {
        return channel != null && channel.isActive();
    }

    synchronized Channel channel() {
        return channel;
    }

    /**
     * Queues a message; one with the key of a message already queued or in flight is dropped as a
     * duplicate (and counts as taken).
     *
     * @return false when {@code maxQueued} messages already wait: the caller keeps it
     */
    synchronized boolean offer(OutboundMessage m) {
        if (queue.size() >= maxQueued) {
            return false;
        }
        if (m.key() != null && !keys.add(m.key())) {
            return true;
        }
        queue.add(m);
        pump();
        return true;
    }

    /** Binds a new connection: what was in flight goes again, flagged DUP, before the queue. */
    synchronized void attach(Channel ch) {
        channel = ch;
        long now = System.nanoTime();
        inflight.replaceAll((id, f) -> {
            ch.write(MqttMessages.publish(f.message().topic().name(), f.message().payload(), id, true));
            return new InFlight(f.message(), now);
        });
        ch.flush();
        pump();
    }

    /** How long the oldest unacknowledged delivery has waited for its PUBACK, in nanoseconds (0 when none). */
    synchronized long oldestUnackedNanos() {
        if (inflight.isEmpty()) {
            return 0;
        }
        return System.nanoTime() - inflight.values().iterator().next().sentNanos();
    }

    /** @return whether {@code ch} was this session's connection (false after a takeover) */
    synchronized boolean detach(Channel ch) {
        if (channel != ch) {
            return false;
        }
        channel = null;
        return true;
    }

    void acked(int packetId) {
        OutboundMessage m;
        synchronized (this) {
            InFlight f = inflight.remove(packetId);
            if (f == null) {
                return; // a late or duplicate PUBACK
            }
            m = f.message();
            if (m.key() != null) {
                keys.remove(m.key());
            }
            pump();
        }
        m.onAcked().run();
    }

    /** Sends queued messages while the window and the socket allow. */
    synchronized void pump() {
        if (channel == null || !channel.isActive()) {
            return;
        }
        boolean wrote = false;
        while (!queue.isEmpty() && inflight.size() < maxInflight && channel.isWritable()) {
            OutboundMessage m = queue.poll();
            int id = nextPacketId();
            inflight.put(id, new InFlight(m, System.nanoTime()));
            channel.write(MqttMessages.publish(m.topic().name(), m.payload(), id, false));
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    private int nextPacketId() {
        do {
            lastPacketId = lastPacketId >= 0xFFFF ? 1 : lastPacketId + 1;
        } while (inflight.containsKey(lastPacketId));
        return lastPacketId;
    }
}
