package org.anpr.device.coap.client;

import java.io.IOException;
import java.util.Optional;

/**
 * A management request failed: no answer (unreachable, DTLS handshake failed, timeout) or an error
 * response, whose CoAP code (e.g. {@code "4.29"}) is then available.
 */
public class ManagementException extends IOException {

    private final String responseCode;

    public ManagementException(String message, String responseCode, Throwable cause) {
        super(message, cause);
        this.responseCode = responseCode;
    }

    /** The CoAP response code as {@code "c.dd"}, empty when the gantry did not answer at all. */
    public Optional<String> responseCode() {
        return Optional.ofNullable(responseCode);
    }
}
