package org.anpr.provision.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.anpr.device.coap.api.ConfigResult;
import org.anpr.device.coap.client.ManagementException;
import org.anpr.provision.device.DeviceSession;
import org.anpr.provision.diff.ConfigDiff;
import org.anpr.provision.validation.LoadedProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code push PROFILE [--device coaps://…] [--yes]}: validate, show what changes, ask, send. The
 * gantry validates again and applies the configuration in place (queued reads kept) or refuses it
 * with the fields at fault; the tool then reads the configuration back to confirm it.
 */
@Command(name = "push", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send a profile's configuration to its gantry over CoAP/DTLS. The profile is validated",
            "first; the changes are shown (secrets hidden) and confirmed unless --yes. The gantry checks it",
            "again and applies it without losing queued reads, or refuses it, changing nothing. Afterwards",
            "the running configuration is read back and compared. The gantry does not show its secrets;",
            "to change only a secret, use --force."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:applied (or already the running configuration)", "1:the profile is invalid or a secret file unusable",
            "2:usage error", "5:the device did not answer, or does not run what it accepted",
            "6:the device refused it, or is another gantry", "8:not confirmed, nothing sent"})
final class PushCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DeviceOptions target;

    @Mixin
    OutputOptions output;

    @Option(names = {"-y", "--yes"}, description = "Do not ask: send as soon as it is validated.")
    boolean yes;

    @Option(names = "--force", description = "Send even when no difference shows: to change a secret, which the gantry does not show.")
    boolean force;

    /** Where the answer to "apply?" comes from (the terminal; tests set another reader). */
    BufferedReader answers = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    /** Whether someone can answer (a terminal); without one and without --yes, nothing is sent. */
    boolean interactive = System.console() != null;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedProfile loaded = target.load(spec.commandLine().getErr());
        String id = loaded.profile().id();
        try (DeviceSession session = target.open(loaded)) {
            String device = session.address().toString();
            byte[] running = DeviceOptions.running(session);
            String rendered = target.rendered(loaded, running);
            List<ConfigDiff.Change> changes = DiffCommand.changes(running, rendered);
            List<String> hidden = ConfigDiff.hiddenSecrets(running);
            ObjectNode json = Json.object().put("gantryId", id).put("device", device);
            DiffReport.addTo(json, changes, hidden);
            if (changes.isEmpty() && !force) {
                return done(out, json.put("applied", false).put("upToDate", true),
                        id + " at " + device + " already runs what " + target.profile + " gives it; nothing sent");
            }
            if (!output.json) {
                out.println(id + " at " + device + ": " + DiffReport.count(changes.size()) + " to apply"
                        + (force ? ", and every secret sent again (--force)" : ""));
                DiffReport.print(out, output.ansi(), changes);
                DiffReport.printHidden(out, hidden);
                out.flush();
            }
            if (!yes && !confirmed(out, id)) {
                throw new CommandFailure(ExitCodes.NOT_CONFIRMED, interactive ? "not confirmed; nothing sent"
                        : "not confirmed (standard input is not a terminal; use --yes to push from a script); nothing sent");
            }
            byte[] sent = DeviceOptions.utf8(rendered);
            ConfigResult result = apply(session, sent);
            if (!result.applied()) {
                throw new CommandFailure(ExitCodes.DEVICE_REFUSED, id + " refused the configuration, and still runs"
                        + " the previous one: " + result.reason());
            }
            List<ConfigDiff.Change> remaining = DiffCommand.changes(DeviceOptions.running(session), rendered);
            if (!remaining.isEmpty()) {
                throw new CommandFailure(ExitCodes.DEVICE_UNREACHABLE, id + " accepted the configuration but does not"
                        + " serve it back (" + DiffReport.count(remaining.size()) + " remain); run diff");
            }
            return done(out, json.put("applied", true).put("upToDate", true),
                    id + " applied " + DiffReport.count(changes.size()) + " and runs the profile's configuration now");
        }
    }

    private int done(PrintWriter out, ObjectNode json, String message) {
        out.println(output.json ? Json.write(json) : message);
        out.flush();
        return ExitCodes.OK;
    }

    private boolean confirmed(PrintWriter out, String id) {
        if (!interactive) {
            return false;
        }
        out.print("apply to " + id + "? [y/N] ");
        out.flush();
        try {
            String answer = answers.readLine();
            return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            return false;
        }
    }

    private static ConfigResult apply(DeviceSession session, byte[] config) {
        try {
            return session.client().applyConfig(config);
        } catch (ManagementException e) {
            throw new CommandFailure(ExitCodes.DEVICE_UNREACHABLE, session.address() + ": sending the configuration failed: "
                    + e.getMessage() + " (run diff to see whether it arrived)");
        }
    }
}
