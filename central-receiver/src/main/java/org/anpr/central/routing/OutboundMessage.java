package org.anpr.central.routing;

import org.anpr.protocol.topic.Topic;

/**
 * A QoS 1 message for one gantry.
 *
 * @param key     identity for de-duplication while queued or in flight (e.g. the passage id in hex), or null
 * @param onAcked run once when the gantry's PUBACK arrives (never on the event loop's critical lock)
 */
public record OutboundMessage(String key, Topic topic, byte[] payload, Runnable onAcked) {
    public OutboundMessage {
        onAcked = onAcked == null ? () -> { } : onAcked;
    }
}
