package org.anpr.device.coap.api;

/** Outcome of a config push: applied, or rejected with a reason a technician can act on. */
public record ConfigResult(boolean applied, String reason) {

    public static ConfigResult accepted() {
        return new ConfigResult(true, null);
    }

    public static ConfigResult rejected(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must say why the config was rejected");
        }
        return new ConfigResult(false, reason);
    }
}
