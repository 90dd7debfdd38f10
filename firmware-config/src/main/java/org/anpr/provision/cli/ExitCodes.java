package org.anpr.provision.cli;

/** Exit codes scripts can rely on (the same number means the same thing for every command). */
public final class ExitCodes {
    /** The command did what was asked: profiles valid, rendered, pushed, no difference, every check passed. */
    public static final int OK = 0;
    /** A profile is invalid, or a secret file it references cannot be used (the errors were printed). */
    public static final int INVALID = 1;
    /** The command line is wrong: unknown option, missing or non-existent path, bad --device. */
    public static final int USAGE = 2;
    // 3 was "not yet available" while issue 13 was in progress; not reused, so old scripts stay right.
    /** A bug in the tool itself (the stack trace was printed). */
    public static final int INTERNAL = 4;
    /** The device did not answer: unreachable, DTLS handshake failed (wrong key?), timeout, or a device error. */
    public static final int DEVICE_UNREACHABLE = 5;
    /** The device refused the configuration, or it is not the gantry the profile describes; nothing changed. */
    public static final int DEVICE_REFUSED = 6;
    /** {@code diff}: the device's configuration differs from the profile's. */
    public static final int DIFFERS = 7;
    /** {@code push}: the change was not confirmed (answered no, or no terminal and no --yes); nothing was sent. */
    public static final int NOT_CONFIRMED = 8;
    /** {@code commission}: at least one check failed (the report was written). */
    public static final int CHECK_FAILED = 9;
    /** {@code keys}: the key file exists and was left as it is (--force replaces it). */
    public static final int EXISTS = 10;

    private ExitCodes() {
    }
}
