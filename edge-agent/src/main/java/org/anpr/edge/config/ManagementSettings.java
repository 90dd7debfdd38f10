package org.anpr.edge.config;

import java.util.List;
import org.anpr.device.coap.dtls.PskCredential;

/**
 * The on-site management endpoint (CoAP over DTLS) technicians commission the gantry through
 * ({@code management:} in gantry.yaml; absent = none).
 *
 * @param bind     address to listen on; default {@code 0.0.0.0}
 * @param port     UDP port; default 5684 (coaps)
 * @param accepted the technicians' pre-shared keys (identity + at least 16 random bytes)
 */
public record ManagementSettings(String bind, int port, List<PskCredential> accepted) {
    public ManagementSettings {
        accepted = List.copyOf(accepted);
    }
}
