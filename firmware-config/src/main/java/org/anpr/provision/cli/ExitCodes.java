package org.anpr.provision.cli;

/** Exit codes scripts can rely on. */
public final class ExitCodes {
    /** Everything checked is valid / the command did what was asked. */
    public static final int OK = 0;
    /** A profile is invalid (the errors were printed). */
    public static final int INVALID = 1;
    /** The command line is wrong: unknown option, missing or non-existent path. */
    public static final int USAGE = 2;
    /** The command exists in the plan but is not implemented yet; nothing was done. */
    public static final int NOT_AVAILABLE = 3;
    /** A bug in the tool itself (the stack trace was printed). */
    public static final int INTERNAL = 4;


    private ExitCodes() {
    }
}
