package org.anpr.central.store;

/**
 * A downstream message held for a gantry until it acknowledges it (section passages).
 *
 * @param messageId     the payload's own id (a passage id): redelivery from upstream is harmless
 * @param expiresMicros when it is worthless and deleted even undelivered (a passage's expiry); 0 = never
 */
public record PendingDelivery(String gantryId, byte[] messageId, String topic, byte[] payload, long enqueuedMicros,
                              long expiresMicros) {
}
