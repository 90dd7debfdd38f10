package org.anpr.provision.commission;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.anpr.device.coap.api.ClockInfo;
import org.anpr.device.coap.api.GantryStatus;
import org.anpr.device.coap.api.GpioSelfTest;
import org.anpr.device.coap.api.HotlistInfo;
import org.anpr.device.coap.api.TestCapture;
import org.anpr.device.coap.client.GantryManagementClient;
import org.anpr.device.coap.client.ManagementException;
import org.anpr.provision.device.DeviceSession;
import org.anpr.provision.diff.ConfigDiff;
import org.anpr.provision.profile.GantryProfile;
import org.anpr.provision.profile.GpioPinMap;
import org.anpr.provision.validation.LoadedProfile;

/**
 * Runs the commissioning checks on a gantry whose identity the session has already checked:
 * it runs the profile's configuration, reports healthy, its clock is within the profile's
 * bound, a test capture comes back as a decodable frame, and (when the profile has GPIO) the
 * loopback self-test passes. A check that fails does not stop the others: the report shows all.
 */
public final class Commissioning {
    private final Clock clock;

    public Commissioning(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param running  the configuration the device runs, as read from it at the start of the session
     * @param rendered the gantry.yaml the profile gives this device (to compare with what it runs)
     */
    public CommissioningReport run(LoadedProfile loaded, DeviceSession session, byte[] running, String rendered) {
        Instant started = clock.instant();
        GantryProfile p = loaded.profile();
        GantryManagementClient device = session.client();
        GantryStatus status = session.status();
        List<Check> checks = new ArrayList<>();
        checks.add(Check.pass("identity", "The device is the profiled gantry",
                session.address() + " answered with the profile's key as " + status.gantryId()));
        checks.add(configuration(running, rendered));
        checks.add(Check.of(status.health() == GantryStatus.Health.OK, "health", "The gantry reports itself healthy",
                status.health() + (status.activeFaults().isEmpty() ? ", no active faults"
                        : ", active faults: " + String.join(", ", status.activeFaults()))
                        + "; outbox backlog " + status.outboxBacklog() + " reads"));
        ClockInfo time = null;
        try {
            time = device.clock();
            checks.add(clock(time, p.clock().syncBoundMicros()));
        } catch (ManagementException e) {
            checks.add(Check.fail("clock", clockTitle(p.clock().syncBoundMicros()), "reading /clock failed: " + e.getMessage()));
        }
        TestCapture shot = null;
        String size = null;
        try {
            shot = device.testCapture();
            size = decodedSize(shot.jpeg());
            checks.add(capture(shot, size));
        } catch (ManagementException e) {
            checks.add(Check.fail("capture", "A test capture returns a frame", "the test capture failed: " + e.getMessage()));
        }
        checks.add(gpio(device, p.gpio()));
        HotlistInfo hotlist = null;
        try {
            hotlist = device.hotlistInfo();
        } catch (ManagementException e) {
            // informational only; the report shows it as not read
        }
        return new CommissioningReport(p.id(), p.site(), session.address().toString(), loaded.file().toString(), started,
                clock.instant(), checks, status, time, hotlist, shot, size);
    }

    private static Check configuration(byte[] running, String rendered) {
        String title = "It runs the configuration its profile gives it";
        try {
            List<ConfigDiff.Change> changes = ConfigDiff.between(running, rendered);
            return changes.isEmpty() ? Check.pass("configuration", title, "no difference")
                    : Check.fail("configuration", title, changes.size() + " difference(s), run push: "
                            + changes.stream().map(ConfigDiff.Change::toString).collect(Collectors.joining("; ")));
        } catch (IllegalArgumentException e) {
            return Check.fail("configuration", title, "reading /config failed: " + e.getMessage());
        }
    }

    private static String clockTitle(long boundMicros) {
        return "The clock is synchronised within " + boundMicros / 1000.0 + " ms (clock.syncBoundMicros)";
    }

    private static Check clock(ClockInfo c, long boundMicros) {
        boolean within = c.estimatedErrorMillis() * 1000 <= boundMicros;
        String detail = (c.synced() ? "synchronised" : "NOT synchronised") + " via " + c.source() + ", offset "
                + c.offsetMillis() + " ms, estimated error " + c.estimatedErrorMillis() + " ms"
                + (within ? "" : " (over the bound)");
        return Check.of(c.synced() && within, "clock", clockTitle(boundMicros), detail);
    }

    private static Check capture(TestCapture shot, String size) {
        String title = "A test capture returns a frame";
        if (size == null) {
            return Check.fail("capture", title, "the test shot (" + shot.jpeg().length + " bytes) is not a decodable JPEG");
        }
        String read = shot.candidates().isEmpty() ? "no plate in view"
                : "read " + shot.candidates().stream().map(c -> c.text() + " (" + c.country() + ", "
                        + Math.round(c.confidence() * 100) + "%)").collect(Collectors.joining(", "));
        return Check.pass("capture", title, size + " JPEG, " + shot.jpeg().length / 1024 + " KiB; " + read);
    }

    private static Check gpio(GantryManagementClient device, GpioPinMap pins) {
        String title = "GPIO loopback self-test";
        if (pins == null || pins.equals(GpioPinMap.NONE)) {
            return new Check("gpio", title, Check.Outcome.SKIPPED, "the profile has no GPIO pins");
        }
        try {
            GpioSelfTest t = device.gpioSelfTest();
            String detail = t.checks().isEmpty() ? "no pin was checked"
                    : t.checks().stream().map(c -> c.pin() + ": " + (c.passed() ? "ok" : "FAILED") + " (" + c.detail() + ")")
                            .collect(Collectors.joining("; "));
            return Check.of(t.passed() && !t.checks().isEmpty(), "gpio", title, detail);
        } catch (ManagementException e) {
            return Check.fail("gpio", title, "the self-test failed: " + e.getMessage());
        }
    }

    private static String decodedSize(byte[] jpeg) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            return image == null ? null : image.getWidth() + "x" + image.getHeight();
        } catch (IOException e) {
            return null;
        }
    }
}
