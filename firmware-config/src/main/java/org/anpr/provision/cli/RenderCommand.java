package org.anpr.provision.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.anpr.provision.render.AgentYamlRenderer;
import org.anpr.provision.render.KuraSnapshotRenderer;
import org.anpr.provision.render.PositionsRenderer;
import org.anpr.provision.render.RenderException;
import org.anpr.provision.render.RenderOptions;
import org.anpr.provision.validation.LoadedProfile;
import org.anpr.provision.validation.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code render PROFILE --format agent|kura|positions [--out FILE]}: validated first, never rendered when invalid. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render a profile for a device or the centre:",
            "  agent      the edge agent's gantry.yaml",
            "  kura       an Eclipse Kura configuration snapshot (XML) for the agent's component",
            "  positions  the central receiver's gantries file (PROFILE may be a folder: the network)",
            "The profile (or folder) is validated first; an invalid one is not rendered.",
            "Secrets are left out (the header says which key to fill from which file) unless --with-secrets."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:rendered", "1:the profile is invalid, or a secret file cannot be read", "2:usage error"})
final class RenderCommand implements Callable<Integer> {
    enum Format { agent, kura, positions }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROFILE", description = "A profile file (or, for positions, a folder of profiles).")
    Path profile;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES}")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path outFile;

    @Option(names = "--with-secrets", description = "Read the referenced secret files (relative to the file that names them) into the output.")
    boolean withSecrets;

    @Option(names = "--device-secrets", paramLabel = "DIR", defaultValue = RenderOptions.DEFAULT_DEVICE_SECRETS,
            description = "Folder on the controller holding the TLS key/trust stores (default: ${DEFAULT-VALUE}).")
    String deviceSecrets;

    @Option(names = "--storage-dir", paramLabel = "DIR", defaultValue = RenderOptions.DEFAULT_STORAGE_DIR,
            description = "The agent's storage.dir (default: ${DEFAULT-VALUE}, the agent's own default).")
    String storageDir;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(profile) && format != Format.positions) {
            err.println("anpr provision render: " + profile + " is a folder; --format " + format + " renders one profile file");
            return ExitCodes.USAGE;
        }
        ValidationResult result = ProfileArgument.validated(profile, err, "not rendered, the profile is invalid");
        RenderOptions options = new RenderOptions(withSecrets, deviceSecrets, storageDir);
        String text;
        try {
            text = switch (format) {
                case agent -> AgentYamlRenderer.render(only(result), options);
                case kura -> KuraSnapshotRenderer.render(only(result), options);
                case positions -> PositionsRenderer.render(result.profiles().stream().map(LoadedProfile::profile).toList());
            };
        } catch (RenderException e) {
            err.println("anpr provision render: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        if (outFile == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return ExitCodes.OK;
        }
        try {
            Path parent = outFile.toAbsolutePath().getParent();
            Path temp = Files.createTempFile(parent, ".render", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, outFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            err.println("anpr provision render: cannot write " + outFile + ": " + e);
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    private static LoadedProfile only(ValidationResult result) {
        return result.profiles().get(0);
    }
}
