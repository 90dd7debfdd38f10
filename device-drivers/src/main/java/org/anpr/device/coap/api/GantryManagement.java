package org.anpr.device.coap.api;

/**
 * What the CoAP management server asks of the gantry. Implemented by the edge agent; this module
 * only calls it. Calls come from CoAP worker threads and may be concurrent, except
 * {@link #applyConfig(byte[])}, which the server serialises.
 */
public interface GantryManagement {

    GantryStatus status();

    /** The active configuration as provisioned (opaque bytes, YAML). */
    byte[] config();

    /**
     * Validates and, if valid, applies a new configuration atomically. A rejected config must
     * change nothing; its reason is returned to the technician verbatim.
     */
    ConfigResult applyConfig(byte[] config);

    HotlistInfo hotlistInfo();

    ClockInfo clock();

    /** Takes a test shot and runs recognition on it. */
    TestCapture testCapture();

    /** Runs the loopback / pin check of the GPIO wiring. */
    GpioSelfTest gpioSelfTest();
}
