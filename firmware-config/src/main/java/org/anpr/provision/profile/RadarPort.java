package org.anpr.provision.profile;

/**
 * The Doppler radar's serial port ({@code radar:}).
 *
 * @param port device, e.g. {@code /dev/ttyACM0}
 * @param baud UART speed; default 19200 (the OPS24x default; USB CDC ignores it)
 */
public record RadarPort(String port, int baud) {
    public static final int DEFAULT_BAUD = 19_200;
}
