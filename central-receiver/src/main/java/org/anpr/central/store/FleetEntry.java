package org.anpr.central.store;

import org.anpr.protocol.v1.GantryStatus;

/**
 * What the centre knows about one gantry.
 *
 * @param lastStatus the retained status (the last one received; the last will when it went away), or null
 */
public record FleetEntry(String gantryId, boolean online, long lastSeenMicros, String state, long hotlistVersion,
                         long outboxBacklog, GantryStatus lastStatus) {
}
