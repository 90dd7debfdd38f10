package org.anpr.device.coap.api;

/**
 * Time synchronisation of the gantry, served at {@code /clock}.
 *
 * @param source               e.g. {@code "gps-pps"}, {@code "ntp:pool.example"}, {@code "none"}
 * @param offsetMillis         estimated offset of the local clock from the reference
 * @param estimatedErrorMillis bound on the error of capture timestamps
 */
public record ClockInfo(boolean synced, String source, double offsetMillis, double estimatedErrorMillis) {
}
