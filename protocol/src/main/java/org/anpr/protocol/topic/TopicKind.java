package org.anpr.protocol.topic;

import org.anpr.protocol.v1.Envelope.PayloadCase;

/** The MQTT topics of the wire contract, their direction and the payload each carries. */
public enum TopicKind {
    READS("reads", Direction.UPSTREAM, PayloadCase.READS, false),
    ALERTS("alerts", Direction.UPSTREAM, PayloadCase.ALERT, false),
    PASSAGES("passages", Direction.UPSTREAM, PayloadCase.PASSAGE, false),
    VIOLATIONS("violations", Direction.UPSTREAM, PayloadCase.VIOLATION, false),
    /** Retained heartbeat; the MQTT last will publishes an OFFLINE status here. */
    STATUS("status", Direction.UPSTREAM, PayloadCase.STATUS, true),
    HOTLIST("hotlist", Direction.DOWNSTREAM, PayloadCase.HOTLIST_DELTA, false),
    SECTION_ENTRIES("section-entries", Direction.DOWNSTREAM, PayloadCase.PASSAGE, false),
    CONFIG("config", Direction.DOWNSTREAM, PayloadCase.CONFIG_PUSH, false);

    /** Who publishes: the gantry (upstream) or the centre (downstream). */
    public enum Direction { UPSTREAM, DOWNSTREAM }

    private final String segment;
    private final Direction direction;
    private final PayloadCase payload;
    private final boolean retained;

    TopicKind(String segment, Direction direction, PayloadCase payload, boolean retained) {
        this.segment = segment;
        this.direction = direction;
        this.payload = payload;
        this.retained = retained;
    }

    /** The last topic level, e.g. {@code section-entries}. */
    public String segment() {
        return segment;
    }

    public Direction direction() {
        return direction;
    }

    /** The envelope payload a message on this topic must carry. */
    public PayloadCase payload() {
        return payload;
    }

    public boolean retained() {
        return retained;
    }

    /** All wire-contract topics use QoS 1 (at least once; read ids make redelivery harmless). */
    public int qos() {
        return 1;
    }

    static TopicKind bySegment(String segment) {
        for (TopicKind kind : values()) {
            if (kind.segment.equals(segment)) {
                return kind;
            }
        }
        return null;
    }
}
