package org.anpr.device.radar;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/** A radar on a serial port (USB CDC or UART) through jSerialComm. */
public final class SerialByteSource implements ByteSource {

    /**
     * @param portName    e.g. {@code /dev/ttyACM0}
     * @param baud        OPS24x modules default to 19200 on the UART; USB CDC ignores it
     * @param readTimeout a read returns 0 after this long without data
     */
    public record Settings(String portName, int baud, Duration readTimeout) {
        public Settings {
            Objects.requireNonNull(portName, "portName");
            Objects.requireNonNull(readTimeout, "readTimeout");
            if (portName.isBlank()) {
                throw new IllegalArgumentException("portName must not be blank");
            }
            if (baud < 1200 || baud > 4_000_000) {
                throw new IllegalArgumentException("baud must be in [1200, 4000000], was " + baud);
            }
            if (readTimeout.toMillis() < 1 || readTimeout.toMillis() > 60_000) {
                throw new IllegalArgumentException("readTimeout must be 1 ms..60 s, was " + readTimeout);
            }
        }

        public static Settings of(String portName) {
            return new Settings(portName, 19_200, Duration.ofMillis(500));
        }
    }

    private final SerialPort port;

    public SerialByteSource(Settings settings) throws IOException {
        port = SerialPort.getCommPort(settings.portName());
        port.setComPortParameters(settings.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) settings.readTimeout().toMillis(), 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + settings.portName()
                    + " (error " + port.getLastErrorCode() + ")");
        }
    }

    @Override
    public int read(byte[] buf) throws IOException {
        int n = port.readBytes(buf, buf.length);
        if (n < 0) {
            throw new IOException("serial read failed on " + port.getSystemPortName()
                    + " (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    /** Sends a module API command such as {@code "OJ"} (JSON output) or {@code "UK"} (km/h). */
    public void command(String apiCommand) throws IOException {
        byte[] b = (apiCommand + "\r\n").getBytes(StandardCharsets.US_ASCII);
        if (port.writeBytes(b, b.length) != b.length) {
            throw new IOException("serial write failed on " + port.getSystemPortName());
        }
    }

    @Override
    public void close() {
        port.closePort();
    }
}
