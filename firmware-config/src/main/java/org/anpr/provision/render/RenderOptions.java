package org.anpr.provision.render;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a profile is rendered for a device.
 *
 * @param withSecrets   read the secret files the profile references (on this machine) and put their
 *                      contents into the output; without it every secret is left out and the output's
 *                      header comment says which key to fill from which file
 * @param deviceSecrets folder on the controller where the TLS key and trust stores are installed; the
 *                      agent's {@code mqtt.tls.keyStore}/{@code trustStore} point there (same file names
 *                      as in the profile)
 * @param storageDir    the agent's {@code storage.dir}
 */
public record RenderOptions(boolean withSecrets, String deviceSecrets, String storageDir) {
    public static final String DEFAULT_DEVICE_SECRETS = "/etc/anpr/secrets";
    /** The edge agent's own default. */
    public static final String DEFAULT_STORAGE_DIR = "./data";
    public static final RenderOptions DEFAULTS = new RenderOptions(false, DEFAULT_DEVICE_SECRETS, DEFAULT_STORAGE_DIR);

    public RenderOptions {
        Objects.requireNonNull(deviceSecrets, "deviceSecrets");
        Objects.requireNonNull(storageDir, "storageDir");
    }

    /** Where a store named {@code reference} in the profile is on the device. */
    String onDevice(String reference) {
        String name = Path.of(reference).getFileName().toString();
        return deviceSecrets.endsWith("/") ? deviceSecrets + name : deviceSecrets + "/" + name;
    }
}
