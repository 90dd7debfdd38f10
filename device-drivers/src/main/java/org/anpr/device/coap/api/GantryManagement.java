package org.anpr.device.coap.api;

/**
 * What the CoAP management server asks of the gantry. Implemented by the edge agent; this module
 * only calls it. Calls come from CoAP worker threads and may be concurrent, except
 * {@link #applyConfig(byte[])}, which the server serialises.
 */
public interface GantryManagement {

    GantryStatus status();

    /**
     * Stands where a secret is in what {@link #config()} returns: one technician's key must not
     * reveal the MQTT password or the other technicians' keys. Sent back in a PUT, it keeps the
     * secret the gantry has.
     */
    String REDACTED = "<redacted>";

    /** The active configuration as provisioned (YAML), every secret replaced by {@link #REDACTED}. */
    byte[] config();

    /**
     * Validates and, if valid, applies a new configuration atomically. A rejected config must
     * change nothing; its reason is returned to the technician verbatim. A {@link #REDACTED}
     * value keeps the secret the gantry has there.
     */
    ConfigResult applyConfig(byte[] config);

    HotlistInfo hotlistInfo();

    ClockInfo clock();

    /** Takes a test shot and runs recognition on it. */
    TestCapture testCapture();

    /** Runs the loopback / pin check of the GPIO wiring. */
    GpioSelfTest gpioSelfTest();
}
