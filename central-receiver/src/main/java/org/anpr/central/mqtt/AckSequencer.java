package org.anpr.central.mqtt;

import io.netty.channel.Channel;
import java.util.ArrayDeque;

/**
 * PUBACKs in arrival order per connection, each only after its message is committed. Also the
 * inbound in-flight limit: at {@code maxInflight} publishes awaiting commit, reading pauses.
 * Event-loop confined.
 */
final class AckSequencer {
    static final class Slot {
        private final int packetId;
        private boolean done;

        private Slot(int packetId) {
            this.packetId = packetId;
        }
    }

    private final Channel channel;
    private final ReadGate gate;
    private final int maxInflight;
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();

    AckSequencer(Channel channel, ReadGate gate, int maxInflight) {
        this.channel = channel;
        this.gate = gate;
        this.maxInflight = maxInflight;
    }

    /** @param packetId the QoS 1 packet id, or 0 for QoS 0 (nothing to acknowledge, but order is kept) */
    Slot expect(int packetId) {
        Slot s = new Slot(packetId);
        slots.add(s);
        if (slots.size() >= maxInflight) {
            gate.set(ReadGate.Reason.INFLIGHT, true);
        }
        return s;
    }

    /** Marks {@code slot} committed and sends every PUBACK that is now due, in order. */
    void done(Slot slot) {
        slot.done = true;
        boolean wrote = false;
        while (!slots.isEmpty() && slots.peek().done) {
            Slot head = slots.poll();
            if (head.packetId > 0) {
                channel.write(MqttMessages.pubAck(head.packetId));
                wrote = true;
            }
        }
        if (wrote) {
            channel.flush();
        }
        if (slots.size() < maxInflight) {
            gate.set(ReadGate.Reason.INFLIGHT, false);
        }
    }
}
