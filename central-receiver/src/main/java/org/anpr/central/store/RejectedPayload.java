package org.anpr.central.store;

/** A quarantined payload: acknowledged so the gantry's outbox drains, kept for inspection. */
public record RejectedPayload(String gantryId, String topic, String problem, String reason, byte[] payload, long receivedMicros) {
}
