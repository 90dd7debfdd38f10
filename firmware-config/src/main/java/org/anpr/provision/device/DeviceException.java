package org.anpr.provision.device;

/** The gantry cannot be worked with; the message says why and what to check. */
public final class DeviceException extends Exception {
    /** What went wrong, so the CLI can choose its exit code. */
    public enum Kind {
        /** Neither {@code --device} nor {@code management.host}. */
        NO_ADDRESS,
        /** The profile's key file is missing, empty or too short. */
        NO_KEY,
        /** No answer, DTLS handshake failed, timeout, or an error response. */
        UNREACHABLE,
        /** Another gantry answered. */
        NOT_THIS_GANTRY
    }

    private final Kind kind;

    public DeviceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
