package org.anpr.protocol;

/** Schema versions of the wire contract; see {@code anpr/v1/anpr.proto} for the compatibility rules. */
public final class SchemaVersion {
    /** The version this build writes. */
    public static final int CURRENT = 1;

    private SchemaVersion() {
    }

    /** Whether this build can read messages of {@code version}. */
    public static boolean isSupported(int version) {
        return version == CURRENT;
    }
}
