package org.anpr.provision.cli;

/**
 * Ends a command with an exit code and a one-line reason; {@link ProvisionCommand#commandLine}
 * prints {@code anpr provision COMMAND: reason} to stderr and exits with the code. For outcomes,
 * not bugs: a bug is any other exception ({@link ExitCodes#INTERNAL}).
 */
final class CommandFailure extends RuntimeException {
    private final int exitCode;

    /** @param reason printed after the command's name, or null when everything was printed already */
    CommandFailure(int exitCode, String reason) {
        super(reason, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
