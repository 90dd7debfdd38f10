package org.anpr.central.mqtt;

import io.netty.channel.Channel;
import java.util.EnumSet;

/**
 * Backpressure for one connection: socket reads stop while any reason holds and resume when
 * none does. Confined to the channel's event loop; calls from elsewhere are handed to it.
 */
final class ReadGate {
    enum Reason {
        /** The store's queue is above its high-water mark (every connection). */
        STORE_LAG,
        /** This client has as many publishes awaiting commit as it may have in flight. */
        INFLIGHT,
        /** Our writes to this client are piling up (it does not read its PUBACKs). */
        UNWRITABLE,
        /** Its password is being checked (PBKDF2, off the event loop). */
        AUTHENTICATING
    }

    private final Channel channel;
    private final EnumSet<Reason> holding = EnumSet.noneOf(Reason.class);

    ReadGate(Channel channel) {
        this.channel = channel;
    }

    void set(Reason reason, boolean hold) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> set(reason, hold));
            return;
        }
        boolean changed = hold ? holding.add(reason) : holding.remove(reason);
        if (changed) {
            channel.config().setAutoRead(holding.isEmpty());
        }
    }

    /** Whether we have stopped reading this connection ourselves (so its silence is not its fault). */
    boolean paused() {
        return !holding.isEmpty();
    }
}
