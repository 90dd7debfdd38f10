package org.anpr.provision.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.anpr.provision.device.DeviceSession;
import org.anpr.provision.diff.ConfigDiff;
import org.anpr.provision.validation.LoadedProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code diff PROFILE [--device coaps://…]}: what a push would change on the gantry; changes nothing. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare a profile with the configuration a gantry runs (over CoAP/DTLS, with the",
            "profile's management key). Values are compared, not text: comments and order do not count.",
            "Lines: + only in the profile, - only on the device, ~ different. Secrets are never shown; those",
            "the gantry keeps to itself are listed as not compared."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:the device runs what the profile gives it", "7:they differ", "1:the profile is invalid or its key file unusable",
            "2:usage error", "5:the device did not answer", "6:the device is another gantry"})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DeviceOptions target;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LoadedProfile loaded = target.load(spec.commandLine().getErr());
        List<ConfigDiff.Change> changes;
        List<String> hidden;
        String device;
        try (DeviceSession session = target.open(loaded)) {
            device = session.address().toString();
            byte[] running = DeviceOptions.running(session);
            changes = changes(running, target.rendered(loaded, running));
            hidden = ConfigDiff.hiddenSecrets(running);
        }
        if (output.json) {
            ObjectNode root = Json.object().put("gantryId", loaded.profile().id()).put("device", device)
                    .put("same", changes.isEmpty());
            DiffReport.addTo(root, changes, hidden);
            out.println(Json.write(root));
        } else if (changes.isEmpty()) {
            out.println(loaded.profile().id() + " at " + device + " runs what " + target.profile + " gives it");
            DiffReport.printHidden(out, hidden);
        } else {
            out.println(loaded.profile().id() + " at " + device + ": " + DiffReport.count(changes.size())
                    + " from its running configuration to " + target.profile);
            DiffReport.print(out, output.ansi(), changes);
            DiffReport.printHidden(out, hidden);
        }
        out.flush();
        return changes.isEmpty() ? ExitCodes.OK : ExitCodes.DIFFERS;
    }

    /** The device's configuration that is not YAML at all differs in full; the message says so. */
    static List<ConfigDiff.Change> changes(byte[] running, String rendered) {
        try {
            return ConfigDiff.between(running, rendered);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.DEVICE_UNREACHABLE, e.getMessage());
        }
    }
}
