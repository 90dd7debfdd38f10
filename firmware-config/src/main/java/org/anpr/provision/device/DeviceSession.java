package org.anpr.provision.device;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.anpr.device.coap.api.GantryStatus;
import org.anpr.device.coap.client.GantryManagementClient;
import org.anpr.device.coap.client.ManagementException;
import org.anpr.device.coap.dtls.PskCredential;
import org.anpr.provision.profile.ManagementEndpoint;
import org.anpr.provision.secrets.SecretException;
import org.anpr.provision.secrets.SecretFiles;
import org.anpr.provision.validation.LoadedProfile;

/**
 * A technician's session with the gantry a profile describes: a DTLS connection authenticated
 * with the profile's PSK ({@code management.pskIdentity} and {@code pskFile}), and the check that
 * the device answering is that gantry before anything else is done.
 */
public final class DeviceSession implements AutoCloseable {
    private final GantryManagementClient client;
    private final DeviceAddress address;
    private final GantryStatus status;

    private DeviceSession(GantryManagementClient client, DeviceAddress address, GantryStatus status) {
        this.client = client;
        this.address = address;
        this.status = status;
    }

    /**
     * Connects and reads {@code /status}.
     *
     * @param address the device, or null for the profile's {@code management.host}
     * @throws DeviceException {@link DeviceException.Kind#UNREACHABLE} when it does not answer (or the handshake
     *                         fails), {@link DeviceException.Kind#NOT_THIS_GANTRY} when another gantry answers,
     *                         {@link DeviceException.Kind#NO_KEY} when the profile's key cannot be used
     */
    public static DeviceSession open(LoadedProfile loaded, DeviceAddress address, Duration timeout) throws DeviceException {
        ManagementEndpoint m = loaded.profile().management();
        DeviceAddress target = address != null ? address : DeviceAddress.of(m);
        if (target == null) {
            throw new DeviceException(DeviceException.Kind.NO_ADDRESS, "the profile has no management.host; give --device coaps://HOST[:PORT]");
        }
        PskCredential key = credential(loaded, m);
        GantryManagementClient client;
        try {
            GantryManagementClient.Settings d = GantryManagementClient.Settings.defaults();
            client = new GantryManagementClient(target.resolve(), key,
                    new GantryManagementClient.Settings(timeout, d.handshakeRetransmission(), d.handshakeRetries(), d.maxResponseBytes()));
        } catch (UnknownHostException e) {
            throw new DeviceException(DeviceException.Kind.UNREACHABLE, target + ": unknown host " + target.host());
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Kind.UNREACHABLE, target + ": " + e.getMessage());
        }
        try {
            GantryStatus status = client.status();
            String expected = loaded.profile().id();
            if (!expected.equals(status.gantryId())) {
                throw new DeviceException(DeviceException.Kind.NOT_THIS_GANTRY, target + " is gantry " + status.gantryId()
                        + ", but the profile is for " + expected + "; nothing was done");
            }
            return new DeviceSession(client, target, status);
        } catch (ManagementException e) {
            client.close();
            throw new DeviceException(DeviceException.Kind.UNREACHABLE, target + ": " + e.getMessage()
                    + " (is the gantry on, is this its address, and does its key match " + m.pskFile() + "?)");
        } catch (DeviceException e) {
            client.close();
            throw e;
        }
    }

    /** The PSK as the renderer gives it to the agent: 32+ hex digits as written, any other content as bytes. */
    private static PskCredential credential(LoadedProfile loaded, ManagementEndpoint m) throws DeviceException {
        if (m == null || m.pskFile() == null) {
            throw new DeviceException(DeviceException.Kind.NO_KEY, "the profile has no management.pskFile: no key to"
                    + " authenticate to the gantry with (add one and run 'anpr provision keys')");
        }
        try {
            return new PskCredential(m.pskIdentity(), SecretFiles.psk(loaded, "management.pskFile", m.pskFile()));
        } catch (SecretException e) {
            throw new DeviceException(DeviceException.Kind.NO_KEY, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new DeviceException(DeviceException.Kind.NO_KEY, SecretFiles.resolve(loaded, "management.pskFile", m.pskFile())
                    + ": not a usable key (" + e.getMessage() + ")");
        }
    }

    public GantryManagementClient client() {
        return client;
    }

    public DeviceAddress address() {
        return address;
    }

    /** {@code /status} as read when the session opened. */
    public GantryStatus status() {
        return status;
    }

    @Override
    public void close() {
        client.close();
    }
}
