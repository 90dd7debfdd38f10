package org.anpr.device.coap.api;

import java.util.List;

/**
 * A commissioning test shot: the JPEG and what the recogniser read on it.
 *
 * @param jpeg                 the image; must start with the JPEG SOI marker FF D8
 * @param capturedEpochMicros  capture time, UTC microseconds
 */
public record TestCapture(byte[] jpeg, List<PlateCandidate> candidates, long capturedEpochMicros) {

    public TestCapture {
        if (jpeg == null || jpeg.length < 2 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("jpeg must start with the JPEG SOI marker FF D8");
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** One plate reading on the test shot. */
    public record PlateCandidate(String text, String country, double confidence) {
    }
}
