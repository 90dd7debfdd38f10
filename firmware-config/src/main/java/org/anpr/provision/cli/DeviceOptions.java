package org.anpr.provision.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.anpr.device.coap.client.ManagementException;
import org.anpr.provision.device.DeviceAddress;
import org.anpr.provision.device.DeviceException;
import org.anpr.provision.device.DeviceSession;
import org.anpr.provision.diff.ConfigDiff;
import org.anpr.provision.render.AgentYamlRenderer;
import org.anpr.provision.render.RenderException;
import org.anpr.provision.render.RenderOptions;
import org.anpr.provision.validation.LoadedProfile;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code diff}, {@code push} and {@code commission} share: the profile, the device it is for,
 * and the configuration the profile gives that device. A mixin, so the three take the same options.
 */
final class DeviceOptions {
    @Parameters(index = "0", paramLabel = "PROFILE", description = "The gantry's profile (validated first).")
    Path profile;

    @Option(names = "--device", paramLabel = "coaps://HOST[:PORT]",
            description = "The gantry's management endpoint (default: the profile's management.host and port).")
    String device;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long each request to the device may take (default: ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    @Option(names = "--device-secrets", paramLabel = "DIR", defaultValue = RenderOptions.DEFAULT_DEVICE_SECRETS,
            description = "Folder on the controller holding the TLS key/trust stores (default: ${DEFAULT-VALUE}).")
    String deviceSecrets;

    @Option(names = "--storage-dir", paramLabel = "DIR",
            description = "The agent's storage.dir (default: the one the device runs with; it cannot change at run time).")
    String storageDir;

    /** The profile, valid (else {@link CommandFailure}). */
    LoadedProfile load(PrintWriter err) {
        return ProfileArgument.loadValid(profile, err);
    }

    /** A session with the profile's gantry, checked to be that gantry. */
    DeviceSession open(LoadedProfile loaded) {
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new CommandFailure(ExitCodes.USAGE, "--timeout must be 1..600 seconds, was " + timeoutSeconds);
        }
        DeviceAddress address;
        try {
            address = device == null ? null : DeviceAddress.parse(device);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
        try {
            return DeviceSession.open(loaded, address, Duration.ofSeconds(timeoutSeconds));
        } catch (DeviceException e) {
            int code = switch (e.kind()) {
                case NO_ADDRESS -> ExitCodes.USAGE;
                case NO_KEY -> ExitCodes.INVALID;
                case UNREACHABLE -> ExitCodes.DEVICE_UNREACHABLE;
                case NOT_THIS_GANTRY -> ExitCodes.DEVICE_REFUSED;
            };
            throw new CommandFailure(code, e.getMessage());
        }
    }

    /** The configuration the gantry runs now. */
    static byte[] running(DeviceSession session) {
        try {
            return session.client().config();
        } catch (ManagementException e) {
            throw new CommandFailure(ExitCodes.DEVICE_UNREACHABLE, session.address() + ": reading its configuration failed: "
                    + e.getMessage());
        }
    }

    /**
     * The gantry.yaml the profile gives this device, secrets included (they travel only over
     * DTLS), with the device's own storage.dir unless --storage-dir.
     */
    String rendered(LoadedProfile loaded, byte[] running) {
        String dir = storageDir != null ? storageDir : ConfigDiff.value(running, "storage.dir");
        RenderOptions options = new RenderOptions(true, deviceSecrets, dir != null ? dir : RenderOptions.DEFAULT_STORAGE_DIR);
        try {
            return AgentYamlRenderer.render(loaded, options);
        } catch (RenderException e) {
            throw new CommandFailure(ExitCodes.INVALID, e.getMessage());
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
