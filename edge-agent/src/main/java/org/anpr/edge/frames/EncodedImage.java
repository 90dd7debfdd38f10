package org.anpr.edge.frames;

/**
 * A JPEG with its size in pixels.
 *
 * @param jpeg the encoded bytes (not copied: treat as read-only)
 */
public record EncodedImage(byte[] jpeg, int width, int height) {
}
