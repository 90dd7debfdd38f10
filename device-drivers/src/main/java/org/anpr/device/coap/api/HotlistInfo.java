package org.anpr.device.coap.api;

/** The hotlist held on the gantry, served at {@code /hotlist}. */
public record HotlistInfo(long version, int size, long updatedEpochMillis) {
}
