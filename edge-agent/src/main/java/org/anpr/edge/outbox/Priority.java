package org.anpr.edge.outbox;

import org.anpr.protocol.topic.TopicKind;

/** Send order of the outbox: lower ordinal first; FIFO within one priority. */
public enum Priority {
    ALERT,
    VIOLATION,
    PASSAGE,
    READ;

    /** The priority of an upstream topic that goes through the outbox. */
    public static Priority of(TopicKind kind) {
        return switch (kind) {
            case ALERTS -> ALERT;
            case VIOLATIONS -> VIOLATION;
            case PASSAGES -> PASSAGE;
            case READS -> READ;
            // Status is a retained heartbeat: a stale one is worthless, so it is sent directly.
            default -> throw new IllegalArgumentException("topic kind " + kind + " does not go through the outbox");
        };
    }
}
