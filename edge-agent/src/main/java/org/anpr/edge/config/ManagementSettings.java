package org.anpr.edge.config;

import java.util.List;
import org.anpr.device.coap.dtls.PskCredential;

/**
 * The on-site management endpoint (CoAP over DTLS) technicians commission the gantry through
 * ({@code management:} in gantry.yaml; absent = none).
 *
 * @param bind     address to listen on; default {@code 0.0.0.0}
 * @param port     UDP port; default 5684 (coaps)
 * @param accepted  the technicians' pre-shared keys (identity + at least 16 random bytes)
 * @param loopbacks the wiring {@code /test/gpio} checks (a commissioning plug, or a relay's feedback
 *                  contact); empty = none, and the self-test fails saying so
 */
public record ManagementSettings(String bind, int port, List<PskCredential> accepted, List<Loopback> loopbacks) {
    public ManagementSettings {
        accepted = List.copyOf(accepted);
        loopbacks = List.copyOf(loopbacks);
    }

    /**
     * An output wired back to an input ({@code management.loopbacks[]}).
     *
     * @param name     shown in the self-test's result; default {@code BCM<drive>->BCM<sense>}
     * @param drive    BCM number of the output driven high then low
     * @param sense    BCM number of the input that must follow
     * @param inverted the input reads the opposite level (an opto-coupler); default false
     */
    public record Loopback(String name, int drive, int sense, boolean inverted) {
    }
}
