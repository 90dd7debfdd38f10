package org.anpr.device.coap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.anpr.device.coap.api.ConfigResult;
import org.anpr.device.coap.api.GantryStatus;
import org.anpr.device.coap.api.GpioSelfTest;
import org.anpr.device.coap.api.TestCapture;
import org.anpr.device.coap.client.GantryManagementClient;
import org.anpr.device.coap.client.ManagementException;
import org.anpr.device.coap.dtls.PskCredential;
import org.anpr.device.coap.server.ManagementServer;
import org.anpr.device.coap.server.ManagementServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real Californium server and client over DTLS (PSK) on loopback, ephemeral ports. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ManagementOverDtlsTest {

    private static final PskCredential TECH = new PskCredential("tech-G-017",
            "0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII));
    private static final GantryManagementClient.Settings FAST = new GantryManagementClient.Settings(
            Duration.ofSeconds(5), Duration.ofMillis(200), 1, 1024 * 1024);

    private final FakeGantry gantry = new FakeGantry();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ManagementServerConfig loopback() {
        return ManagementServerConfig.defaults()
                .withBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .withStatusNotifyInterval(Duration.ofMillis(100));
    }

    private ManagementServer server(ManagementServerConfig cfg) {
        ManagementServer s = new ManagementServer(gantry, List.of(TECH), cfg).start();
        open.add(s);
        return s;
    }

    private GantryManagementClient client(ManagementServer s, PskCredential cred) throws Exception {
        GantryManagementClient c = new GantryManagementClient(s.address(), cred, FAST);
        open.add(0, c);
        return c;
    }

    @Test
    void observedStatusDeliversNotifications() throws Exception {
        ManagementServer s = server(loopback());
        GantryManagementClient c = client(s, TECH);
        List<GantryStatus> seen = new CopyOnWriteArrayList<>();
        open.add(0, c.observeStatus(seen::add));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(seen.size() >= 3, "initial response + >= 2 notifications, got " + seen.size());
        assertEquals("G-017", seen.get(0).gantryId());
        assertTrue(seen.get(2).uptimeSeconds() > seen.get(0).uptimeSeconds(), "notifications carry fresh status");
    }

    @Test
    void validConfigIsAppliedInvalidIsRejectedWithReasonAndChangesNothing() throws Exception {
        GantryManagementClient c = client(server(loopback()), TECH);
        byte[] good = "gantryId: G-017\nlanes: 3\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(ConfigResult.accepted(), c.applyConfig(good));
        assertArrayEquals(good, c.config());

        ConfigResult bad = c.applyConfig("gantryId: G-017\nlanes: 12\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(bad.applied());
        assertEquals("lanes must be 1..8, was 12", bad.reason());
        assertArrayEquals(good, c.config(), "a rejected config changes nothing");
    }

    @Test
    void readOutsAndCommissioningChecks() throws Exception {
        GantryManagementClient c = client(server(loopback()), TECH);
        assertEquals(42, c.hotlistInfo().version());
        assertEquals(12_345, c.hotlistInfo().size());
        assertTrue(c.clock().synced());
        assertEquals("gps-pps", c.clock().source());
        GpioSelfTest gpio = c.gpioSelfTest();
        assertFalse(gpio.passed());
        assertEquals("flash", gpio.checks().get(1).pin());
    }

    @Test
    void testCaptureReturnsTheJpegAndRecognition() throws Exception {
        GantryManagementClient c = client(server(loopback()), TECH);
        TestCapture shot = c.testCapture();
        assertTrue(shot.jpeg().length > 1024, "big enough to have gone blockwise: " + shot.jpeg().length);
        assertEquals((byte) 0xFF, shot.jpeg()[0]);
        assertEquals((byte) 0xD8, shot.jpeg()[1]);
        assertArrayEquals(gantry.jpeg, shot.jpeg());
        assertEquals("AB12CDE", shot.candidates().get(0).text());
    }

    @Test
    void wrongKeyGetsNothingBeyondTheHandshakeFailure() throws Exception {
        ManagementServer s = server(loopback());
        PskCredential wrongKey = new PskCredential(TECH.identity(),
                "not-the-right-key-at-all".getBytes(StandardCharsets.US_ASCII));
        PskCredential unknownIdentity = new PskCredential("intruder", TECH.key());
        for (PskCredential cred : List.of(wrongKey, unknownIdentity)) {
            GantryManagementClient c = client(s, cred);
            ManagementException e = assertThrows(ManagementException.class, c::status);
            assertTrue(e.responseCode().isEmpty(), "no CoAP response at all, got " + e.responseCode());
            assertTrue(e.getMessage().contains("andshake"), e.getMessage());
        }
        assertEquals(0, gantry.calls.get(), "no resource was reached");
        // the right key still works on the same server
        assertEquals("G-017", client(s, TECH).status().gantryId());
    }

    @Test
    void excessRequestsGetTooManyRequests() throws Exception {
        ManagementServer s = server(loopback().withRate(3, 0.1));
        GantryManagementClient c = client(s, TECH);
        for (int i = 0; i < 3; i++) {
            assertEquals(42, c.hotlistInfo().version());
        }
        ManagementException e = assertThrows(ManagementException.class, c::hotlistInfo);
        assertEquals("4.29", e.responseCode().orElseThrow());
        assertEquals(3, gantry.calls.get(), "the limited request never reached the gantry");
        // the bucket is per peer: another client (another port) is still served
        assertEquals(42, client(s, TECH).hotlistInfo().version());
    }

    @Test
    void oversizedConfigGetsEntityTooLargeAndIsNotApplied() throws Exception {
        GantryManagementClient c = client(server(loopback().withMaxConfigBytes(2048)), TECH);
        byte[] before = c.config();
        StringBuilder padded = new StringBuilder("lanes: 2\n");
        while (padded.length() < 3000) {
            padded.append("# padding comment line\n");
        }
        ManagementException e = assertThrows(ManagementException.class,
                () -> c.applyConfig(padded.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals("4.13", e.responseCode().orElseThrow());
        assertArrayEquals(before, c.config());

        // just under the limit, sent blockwise too, is accepted
        byte[] fits = padded.substring(0, 2000).getBytes(StandardCharsets.UTF_8);
        assertTrue(c.applyConfig(fits).applied());
        assertArrayEquals(fits, c.config());
    }
}
