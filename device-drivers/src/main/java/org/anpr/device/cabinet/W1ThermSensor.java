package org.anpr.device.cabinet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * DS18B20-style sensor read through the Linux w1-therm sysfs driver, e.g.
 * {@code /sys/bus/w1/devices/28-0316a2790fff/w1_slave}:
 * <pre>
 * 72 01 4b 46 7f ff 0e 10 57 : crc=57 YES
 * 72 01 4b 46 7f ff 0e 10 57 t=23125
 * </pre>
 */
public final class W1ThermSensor implements TemperatureSensor {

    private final Path w1Slave;

    /** @param deviceDir the sensor's sysfs directory (containing {@code w1_slave}) */
    public W1ThermSensor(Path deviceDir) {
        this.w1Slave = Objects.requireNonNull(deviceDir, "deviceDir").resolve("w1_slave");
    }

    @Override
    public double readCelsius() throws IOException {
        List<String> lines = Files.readAllLines(w1Slave, StandardCharsets.US_ASCII);
        if (lines.size() < 2 || !lines.get(0).trim().endsWith("YES")) {
            throw new IOException("w1 CRC check failed or short read in " + w1Slave);
        }
        int t = lines.get(1).indexOf("t=");
        if (t < 0) {
            throw new IOException("no t= value in " + w1Slave);
        }
        try {
            int milli = Integer.parseInt(lines.get(1).substring(t + 2).trim());
            // 85.000 °C is the DS18B20 power-on value: the conversion did not run
            if (milli == 85_000) {
                throw new IOException("sensor returned its power-on value (85 °C) in " + w1Slave);
            }
            return milli / 1000.0;
        } catch (NumberFormatException e) {
            throw new IOException("bad t= value in " + w1Slave, e);
        }
    }
}
