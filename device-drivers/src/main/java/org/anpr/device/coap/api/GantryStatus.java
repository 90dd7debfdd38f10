package org.anpr.device.coap.api;

import java.util.List;

/**
 * Health summary of a gantry, served (observable) at {@code /status}.
 *
 * @param cabinetTemperatureC null when the sensor has no valid reading
 * @param activeFaults        short fault codes, e.g. {@code loop:L1-up:FAULT_STUCK_OCCUPIED}
 * @param outboxBacklog       reads not yet acknowledged by the centre
 */
public record GantryStatus(String gantryId, Health health, long uptimeSeconds, boolean doorOpen,
                           Double cabinetTemperatureC, List<String> activeFaults, long outboxBacklog) {

    public enum Health { OK, DEGRADED, FAULT }

    public GantryStatus {
        activeFaults = activeFaults == null ? List.of() : List.copyOf(activeFaults);
    }
}
