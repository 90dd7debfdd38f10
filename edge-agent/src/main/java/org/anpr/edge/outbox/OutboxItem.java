package org.anpr.edge.outbox;

import org.anpr.protocol.topic.Topic;

/**
 * One stored message, exactly as it will be published.
 *
 * @param seq      the outbox's own key, increasing in append order; acknowledge by it
 * @param priority send order class
 * @param topic    where it is published
 * @param payload  an encoded {@code Envelope}
 */
public record OutboxItem(long seq, Priority priority, Topic topic, byte[] payload) {
}
