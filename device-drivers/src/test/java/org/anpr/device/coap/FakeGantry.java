package org.anpr.device.coap;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.anpr.device.coap.api.ClockInfo;
import org.anpr.device.coap.api.ConfigResult;
import org.anpr.device.coap.api.GantryManagement;
import org.anpr.device.coap.api.GantryStatus;
import org.anpr.device.coap.api.GpioSelfTest;
import org.anpr.device.coap.api.HotlistInfo;
import org.anpr.device.coap.api.TestCapture;

/**
 * Stands in for the edge agent. Its "validation" accepts configs whose lines are {@code key: value}
 * and which set {@code lanes} to 1..8; everything it is asked is counted.
 */
final class FakeGantry implements GantryManagement {

    final AtomicInteger calls = new AtomicInteger();
    final AtomicLong uptime = new AtomicLong(100);
    final AtomicReference<byte[]> config =
            new AtomicReference<>("gantryId: G-017\nlanes: 2\n".getBytes(StandardCharsets.UTF_8));
    final byte[] jpeg = jpeg();

    @Override
    public GantryStatus status() {
        calls.incrementAndGet();
        return new GantryStatus("G-017", GantryStatus.Health.OK, uptime.getAndIncrement(), false, 31.5,
                List.of(), 0);
    }

    @Override
    public byte[] config() {
        calls.incrementAndGet();
        return config.get();
    }

    @Override
    public ConfigResult applyConfig(byte[] bytes) {
        calls.incrementAndGet();
        String text = new String(bytes, StandardCharsets.UTF_8);
        Integer lanes = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 1) {
                return ConfigResult.rejected("line '" + line + "': expected key: value");
            }
            if (line.substring(0, colon).trim().equals("lanes")) {
                try {
                    lanes = Integer.parseInt(line.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    return ConfigResult.rejected("lanes: not a number");
                }
            }
        }
        if (lanes == null || lanes < 1 || lanes > 8) {
            return ConfigResult.rejected("lanes must be 1..8, was " + lanes);
        }
        config.set(bytes.clone());
        return ConfigResult.accepted();
    }

    @Override
    public HotlistInfo hotlistInfo() {
        calls.incrementAndGet();
        return new HotlistInfo(42, 12_345, 1_767_225_600_000L);
    }

    @Override
    public ClockInfo clock() {
        calls.incrementAndGet();
        return new ClockInfo(true, "gps-pps", 0.12, 0.5);
    }

    @Override
    public TestCapture testCapture() {
        calls.incrementAndGet();
        return new TestCapture(jpeg, List.of(new TestCapture.PlateCandidate("AB12CDE", "GB", 0.97)),
                1_767_225_600_123_456L);
    }

    @Override
    public GpioSelfTest gpioSelfTest() {
        calls.incrementAndGet();
        return new GpioSelfTest(false, List.of(
                new GpioSelfTest.PinCheck("loop-L1-up", true, "loopback ok"),
                new GpioSelfTest.PinCheck("flash", false, "no feedback on GPIO 23")));
    }

    /** A real JPEG, large enough (a few KiB) to need a blockwise transfer. */
    private static byte[] jpeg() {
        BufferedImage img = new BufferedImage(320, 120, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, (x * 7919 + y * 104729) & 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
