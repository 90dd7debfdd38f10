package org.anpr.ocr;

/**
 * A frame the recognizer refuses to process. Thrown before any native decoding happens when the
 * problem is visible in the header (so a hostile header cannot make OpenCV allocate gigabytes).
 */
public final class ImageRejectedException extends RuntimeException {

    /** Why an image was rejected. */
    public enum Reason {
        /** No bytes, or an empty {@code Mat}. */
        EMPTY,
        /** Header or trailer cut off. */
        TRUNCATED,
        /** Not a JPEG, PNG or BMP byte stream. */
        NOT_AN_IMAGE,
        /** Width or height is zero. */
        ZERO_SIZE,
        /** More pixels (or bytes) than {@link RecognizerConfig#maxPixels()} allows. */
        TOO_LARGE,
        /** Header looked fine but the decoder failed. */
        CORRUPT,
        /** Pixel type the pipeline cannot use (e.g. 16-bit or 2-channel). */
        UNSUPPORTED_FORMAT,
        /** The file does not exist or cannot be read. */
        UNREADABLE
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
