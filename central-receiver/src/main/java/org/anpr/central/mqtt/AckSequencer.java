package org.anpr.central.mqtt;

import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * PUBACKs in arrival order per connection, each only after its message is committed. Also the
 * inbound in-flight limit: at {@code maxInflight} publishes awaiting commit, reading pauses.
 *
 * <p>The queue of slots is event-loop confined; {@link #committed} may be called from any thread
 * (the store writer). A group commit completes many slots of one connection in a row, so they
 * are sent by one event-loop task with one flush, not a task, a write and a syscall per PUBACK:
 * at 20,000 reads/s that is the difference between ~20,000 and ~200 x commits-per-second
 * wake-ups and socket writes (and the client reads its PUBACKs in one go).
 */
final class AckSequencer {
    static final class Slot {
        private final int packetId;
        /** Set by the committing thread, read by the event loop. */
        private volatile boolean done;

        private Slot(int packetId) {
            this.packetId = packetId;
        }
    }

    private final Channel channel;
    private final ReadGate gate;
    private final int maxInflight;
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    /** A drain task is queued on the event loop and has not started yet. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Runnable drain = this::drain;

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

    /**
     * Marks {@code slot} committed, from any thread; the PUBACKs now due are sent, in order, by
     * one event-loop task for however many slots complete before it runs.
     */
    void committed(Slot slot) {
        slot.done = true;
        // done is written before the flag is read: either we queue a drain, or the queued one
        // (which clears the flag before it looks at the slots) will see this slot.
        if (drainQueued.compareAndSet(false, true)) {
            channel.eventLoop().execute(drain);
        }
    }

    private void drain() {
        drainQueued.set(false);
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
