package org.anpr.provision;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.anpr.provision.cli.ProvisionCommand;

/**
 * {@code ./anpr provision}: the field technician's tool. See {@link ProvisionCommand} for the
 * commands and exit codes.
 */
public final class ProvisionMain {
    private ProvisionMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams (tests run it in-process); returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return ProvisionCommand.commandLine(out, err).execute(args);
    }
}
