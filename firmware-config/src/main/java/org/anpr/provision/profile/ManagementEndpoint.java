package org.anpr.provision.profile;

/**
 * The gantry's CoAP/DTLS management endpoint that {@code push} and {@code commission} talk to
 * ({@code management:}).
 *
 * @param host        address the technician reaches the controller at, or null (then {@code --device} is needed)
 * @param port        UDP port; default 5684 (coaps)
 * @param pskIdentity DTLS pre-shared-key identity; default the gantry id
 * @param pskFile     file holding the key ({@code provision keys} writes it), or null
 * @param keyFile     file for a DTLS private key ({@code provision keys --type certificate}), or null
 * @param csrFile     file for that key's certificate signing request, or null
 */
public record ManagementEndpoint(String host, int port, String pskIdentity, String pskFile, String keyFile,
                                 String csrFile) {
    public static final int DEFAULT_PORT = 5684;
}
