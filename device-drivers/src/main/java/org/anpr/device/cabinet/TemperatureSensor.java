package org.anpr.device.cabinet;

import java.io.IOException;

/** A cabinet temperature sensor (1-Wire DS18B20, an I²C part, ...). */
public interface TemperatureSensor {

    /** Current temperature in °C; IOException when the sensor cannot be read or the reading is invalid. */
    double readCelsius() throws IOException;
}
