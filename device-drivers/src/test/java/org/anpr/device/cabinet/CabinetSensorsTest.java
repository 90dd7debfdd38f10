package org.anpr.device.cabinet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anpr.device.gpio.MockGpio;
import org.anpr.device.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CabinetSensorsTest {

    private final MockGpio gpio = new MockGpio();
    private final ManualClock clock = new ManualClock();
    private final List<CabinetEvent> events = new ArrayList<>();
    @TempDir
    Path w1Dir;

    @AfterEach
    void close() {
        gpio.close();
    }

    private void writeW1(String crc, int milliC) throws IOException {
        Files.writeString(w1Dir.resolve("w1_slave"),
                "72 01 4b 46 7f ff 0e 10 57 : crc=57 " + crc + "\n72 01 4b 46 7f ff 0e 10 57 t=" + milliC + "\n");
    }

    private CabinetSensors sensors() {
        CabinetSensors s = new CabinetSensors(gpio.input("door"), new W1ThermSensor(w1Dir), clock,
                CabinetConfig.defaults());
        s.addListener(events::add);
        return s;
    }

    private List<CabinetEvent.Kind> kinds() {
        return events.stream().map(CabinetEvent::kind).toList();
    }

    @Test
    void openingTheDoorRaisesTamper() {
        CabinetSensors s = sensors();
        gpio.drive("door", true);
        clock.advanceMillis(20);
        s.tick();
        assertTrue(events.isEmpty(), "still within the 50 ms debounce");
        clock.advanceMillis(40);
        s.tick();
        assertEquals(List.of(CabinetEvent.Kind.DOOR_TAMPER), kinds());
        assertTrue(s.doorOpen());

        gpio.drive("door", false);
        clock.advanceMillis(60);
        s.tick();
        assertEquals(List.of(CabinetEvent.Kind.DOOR_TAMPER, CabinetEvent.Kind.DOOR_CLOSED), kinds());
    }

    @Test
    void temperatureThresholdsWithHysteresisAndSensorFault() throws IOException {
        CabinetSensors s = sensors();
        writeW1("YES", 45_000);
        s.pollTemperature();
        assertTrue(events.isEmpty());
        assertEquals(45.0, s.lastTemperatureC());

        writeW1("YES", 61_250);
        s.pollTemperature();
        assertEquals(List.of(CabinetEvent.Kind.TEMPERATURE_HIGH), kinds());
        assertEquals(61.25, events.get(0).temperatureC());

        writeW1("YES", 59_000); // inside the 2 °C hysteresis: still high, no new event
        s.pollTemperature();
        assertEquals(1, events.size());

        writeW1("YES", 57_500);
        s.pollTemperature();
        assertEquals(CabinetEvent.Kind.TEMPERATURE_NORMAL, events.get(1).kind());

        writeW1("NO", 20_000); // CRC failure
        s.pollTemperature();
        assertEquals(CabinetEvent.Kind.TEMPERATURE_SENSOR_FAULT, events.get(2).kind());
        assertEquals(57.5, s.lastTemperatureC(), "a bad read does not replace the last good value");

        writeW1("YES", -30_000);
        s.pollTemperature();
        assertEquals(CabinetEvent.Kind.TEMPERATURE_LOW, events.get(3).kind());
    }

    @Test
    void powerOnValueIsNotATemperature() throws IOException {
        writeW1("YES", 85_000);
        assertThrows(IOException.class, () -> new W1ThermSensor(w1Dir).readCelsius());
    }

    @Test
    void configErrorsNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CabinetConfig(true, Duration.ofMillis(50), 10, 20, 1));
        assertTrue(e.getMessage().startsWith("lowC"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
