package org.anpr.provision.profile;

/**
 * The gantry's CoAP/DTLS management endpoint that {@code push} and {@code commission} talk to
 * ({@code management:}).
 *
 * @param host        address the technician reaches the controller at, or null (then {@code --device} is needed)
 * @param port        UDP port; default 5684 (coaps)
 * @param pskIdentity DTLS pre-shared-key identity; default the gantry id
 * @param pskFile     file holding the key ({@code provision keys} will write it), or null
 */
public record ManagementEndpoint(String host, int port, String pskIdentity, String pskFile) {
    public static final int DEFAULT_PORT = 5684;
}
