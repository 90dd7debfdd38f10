package org.anpr.provision.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The commands of issue 13 that are still to come. They are listed so the plan is visible; run,
 * they say so and exit with {@link ExitCodes#NOT_AVAILABLE}, doing nothing.
 */
abstract class NotYetAvailable implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> ignored;

    abstract String plan();

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("anpr provision " + spec.name() + ": not yet available (" + plan()
                + "). Nothing was done; 'anpr provision validate' is available now.");
        return ExitCodes.NOT_AVAILABLE;
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "NOT YET AVAILABLE. Compare a profile with a device's running configuration over CoAP/DTLS.")
    static final class Diff extends NotYetAvailable {
        @Override
        String plan() {
            return "needs the CoAP/DTLS client";
        }
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = "NOT YET AVAILABLE. Validate a profile, show the diff, and send it to a device over CoAP/DTLS.")
    static final class Push extends NotYetAvailable {
        @Override
        String plan() {
            return "needs the CoAP/DTLS client";
        }
    }

    @Command(name = "commission", mixinStandardHelpOptions = true,
            description = "NOT YET AVAILABLE. Run a device's test capture, GPIO and clock checks and write the commissioning report.")
    static final class Commission extends NotYetAvailable {
        @Override
        String plan() {
            return "the HTML/JSON commissioning report is planned";
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "NOT YET AVAILABLE. Generate a device's DTLS key and store it where its profile references it.")
    static final class Keys extends NotYetAvailable {
        @Override
        String plan() {
            return "key generation is planned";
        }
    }
}
