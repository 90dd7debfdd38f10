package org.anpr.device.cabinet;

import java.time.Instant;

/** @param temperatureC the reading that caused a temperature event, NaN for door events */
public record CabinetEvent(Kind kind, Instant utc, double temperatureC, String detail) {

    public enum Kind {
        /** Door opened: a tamper event until a technician session explains it. */
        DOOR_TAMPER,
        DOOR_CLOSED,
        TEMPERATURE_HIGH,
        TEMPERATURE_LOW,
        TEMPERATURE_NORMAL,
        TEMPERATURE_SENSOR_FAULT
    }
}
