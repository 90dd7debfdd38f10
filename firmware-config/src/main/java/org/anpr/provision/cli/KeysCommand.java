package org.anpr.provision.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.anpr.protocol.secrets.SecretFile;
import org.anpr.provision.keys.DeviceKeys;
import org.anpr.provision.profile.ManagementEndpoint;
import org.anpr.provision.secrets.SecretFiles;
import org.anpr.provision.validation.LoadedProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keys PROFILE [--type psk|certificate] [--force]}: new management key material for one
 * gantry, written where its profile references it. Keys are never printed.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a gantry's management (CoAP/DTLS) key and store it where its profile says:",
            "  psk          32 random bytes as hex in management.pskFile (mode 600); push and",
            "               commission authenticate with it, render --with-secrets gives it to the agent",
            "  certificate  an EC P-256 private key in management.keyFile (PKCS#8 PEM, mode 600) and a",
            "               signing request in management.csrFile (PKCS#10 PEM, CN = gantry id) for the CA",
            "Relative references are resolved against the file that names them. An existing file is",
            "left as it is unless --force. The key itself is never printed."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:written", "1:the profile is invalid or names no file for the key", "2:usage error",
            "10:the file exists (nothing written; --force replaces it)"})
final class KeysCommand implements Callable<Integer> {
    enum Type { psk, certificate }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROFILE", description = "The gantry's profile.")
    Path profile;

    @Option(names = "--type", defaultValue = "psk", paramLabel = "TYPE",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Type type;

    @Option(names = "--ou", paramLabel = "UNIT", description = "Organisational unit in the request's subject (certificate only).")
    String unit;

    @Option(names = "--force", description = "Replace existing key files (the old key stops working once the device has the new one).")
    boolean force;

    @Option(names = "--json", description = "Print what was written as one JSON document: {gantryId, type, files: [{path, mode}]}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedProfile loaded = ProfileArgument.loadValid(profile, err);
        ManagementEndpoint m = loaded.profile().management();
        String id = loaded.profile().id();
        DeviceKeys keys = DeviceKeys.strong();
        try {
            if (type == Type.psk) {
                if (m == null || m.pskFile() == null) {
                    throw noReference("management.pskFile", "pskFile: secrets/" + id + ".psk");
                }
                Path file = SecretFiles.resolve(loaded, "management.pskFile", m.pskFile());
                SecretFile.write(file, keys.psk().getBytes(StandardCharsets.US_ASCII), SecretFile.PRIVATE, force);
                report(out, id, List.of(file), List.of("600"), "wrote a new " + DeviceKeys.PSK_BYTES * 8
                        + "-bit pre-shared key for " + id + " (identity " + m.pskIdentity() + ") to " + file + " (mode 600)\n"
                        + "next: 'anpr provision push " + profile + "' gives it to the gantry (over its current key)");
            } else {
                if (m == null || m.keyFile() == null) {
                    throw noReference("management.keyFile", "keyFile: secrets/" + id + ".key.pem, csrFile: secrets/" + id + ".csr.pem");
                }
                Path keyFile = SecretFiles.resolve(loaded, "management.keyFile", m.keyFile());
                Path csrFile = SecretFiles.resolve(loaded, "management.csrFile", m.csrFile());
                if (!force && (keyFile.toFile().exists() || csrFile.toFile().exists())) {
                    throw new FileAlreadyExistsException(keyFile.toFile().exists() ? keyFile.toString() : csrFile.toString());
                }
                DeviceKeys.CertificateRequest request = keys.certificateRequest(id, unit);
                SecretFile.write(keyFile, request.privateKeyPem().getBytes(StandardCharsets.US_ASCII), SecretFile.PRIVATE, true);
                SecretFile.write(csrFile, request.csrPem().getBytes(StandardCharsets.US_ASCII), SecretFile.PUBLIC, true);
                report(out, id, List.of(keyFile, csrFile), List.of("600", "644"), "wrote a new EC " + DeviceKeys.CURVE
                        + " private key for " + id + " to " + keyFile + " (mode 600)\nwrote its signing request (CN=" + id
                        + (unit == null ? "" : ", OU=" + unit) + ") to " + csrFile + ": have it signed by the network's CA");
            }
        } catch (FileAlreadyExistsException e) {
            throw new CommandFailure(ExitCodes.EXISTS, e.getFile() + " exists; nothing written (--force replaces it)");
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.USAGE, "cannot write the key: " + e);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void report(PrintWriter out, String id, List<Path> files, List<String> modes, String text) {
        if (!json) {
            out.println(text);
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode root = Json.object().put("gantryId", id).put("type", type.name());
        com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("files");
        for (int i = 0; i < files.size(); i++) {
            list.addObject().put("path", files.get(i).toString()).put("mode", modes.get(i));
        }
        out.println(Json.write(root));
    }

    private CommandFailure noReference(String field, String example) {
        return new CommandFailure(ExitCodes.INVALID, profile + ": " + field + " is not set, so there is nowhere to store the key"
                + " (add under management: " + example + ")");
    }
}
