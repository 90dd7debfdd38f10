package org.anpr.central.search;

import org.anpr.protocol.v1.PlateRead;

/**
 * A whole stored read for {@link ReadSearch#find}: the read as the gantry sent it (images
 * included) and, for serving them without the protobuf, the image bytes (null when absent).
 */
public record StoredRead(PlateRead read, byte[] crop, byte[] overview, long receivedMicros) {
}
