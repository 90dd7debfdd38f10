package org.anpr.edge.capture;

import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One captured frame: camera, capture time and the image, either as a decoded 8-bit BGR/grey
 * OpenCV {@link Mat} or as the encoded bytes the camera delivered (JPEG/PNG).
 *
 * <p><b>Ownership:</b> a {@code Frame} owns its Mat. A {@link FrameSource} hands each frame to the
 * caller of {@link FrameSource#next()}, which from then on must {@link #close()} it exactly once
 * (the frame pipeline does so after recognition, or when it drops the frame). {@code close()} is
 * idempotent; encoded frames hold no native memory.
 *
 * @see FrameSource
 */
public final class Frame implements AutoCloseable {
    private final String cameraId;
    private final long sequence;
    private final long captureMicros;
    private final long monotonicNanos;
    private final byte[] encoded;
    private Mat mat;

    private Frame(String cameraId, long sequence, long captureMicros, long monotonicNanos, Mat mat, byte[] encoded) {
        this.cameraId = Objects.requireNonNull(cameraId, "cameraId");
        this.sequence = sequence;
        this.captureMicros = captureMicros;
        this.monotonicNanos = monotonicNanos;
        this.mat = mat;
        this.encoded = encoded;
    }

    /**
     * A decoded frame; the new Frame takes ownership of {@code mat}.
     *
     * @param captureMicros  capture time, UTC microseconds since the epoch
     * @param monotonicNanos the same moment on the capture clock's monotonic scale
     */
    public static Frame ofMat(String cameraId, long sequence, long captureMicros, long monotonicNanos, Mat mat) {
        if (mat == null || mat.isNull() || mat.empty()) {
            throw new IllegalArgumentException("mat: an empty image is not a frame");
        }
        return new Frame(cameraId, sequence, captureMicros, monotonicNanos, mat, null);
    }

    /** An encoded (JPEG/PNG/BMP) frame; the bytes are not copied, the caller must not change them. */
    public static Frame ofEncoded(String cameraId, long sequence, long captureMicros, long monotonicNanos,
                                  byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new IllegalArgumentException("encoded: an empty image is not a frame");
        }
        return new Frame(cameraId, sequence, captureMicros, monotonicNanos, null, encoded);
    }

    public String cameraId() {
        return cameraId;
    }

    /** Per-source frame counter, from 0. */
    public long sequence() {
        return sequence;
    }

    /** Capture time, UTC microseconds since the epoch. */
    public long captureMicros() {
        return captureMicros;
    }

    /** Capture time on the capture clock's monotonic scale (compare with loop-detector events). */
    public long monotonicNanos() {
        return monotonicNanos;
    }

    public boolean isEncoded() {
        return encoded != null;
    }

    /** The decoded image (still owned by this frame), or null for an encoded frame. */
    public synchronized Mat mat() {
        if (encoded == null && mat == null) {
            throw new IllegalStateException("frame " + cameraId + "#" + sequence + " is closed");
        }
        return mat;
    }

    /** The encoded image, or null for a decoded frame. */
    public byte[] encoded() {
        return encoded;
    }

    /** Releases the Mat now (not when the GC gets round to it). */
    @Override
    public synchronized void close() {
        if (mat != null) {
            mat.close();
            mat = null;
        }
    }

    @Override
    public String toString() {
        return "Frame[" + cameraId + "#" + sequence + " @" + captureMicros + (encoded != null ? " encoded" : " mat") + "]";
    }
}
