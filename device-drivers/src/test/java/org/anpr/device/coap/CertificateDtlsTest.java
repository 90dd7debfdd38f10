package org.anpr.device.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.anpr.device.coap.client.GantryManagementClient;
import org.anpr.device.coap.client.ManagementException;
import org.anpr.device.coap.dtls.X509Credentials;
import org.anpr.device.coap.server.ManagementServer;
import org.anpr.device.coap.server.ManagementServerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DTLS with X.509 certificates (mutual authentication, pinned self-signed EC certificates made
 * with the JDK's keytool, valid for 127.0.0.1). The server keeps no PSKs here: certificates only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CertificateDtlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final GantryManagementClient.Settings FAST = new GantryManagementClient.Settings(
            Duration.ofSeconds(5), Duration.ofMillis(200), 1, 1024 * 1024);

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        for (String name : List.of("gantry", "tech", "stranger")) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", "CN=" + name, "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", dir.resolve(name + ".p12").toString(),
                    "-storepass", new String(PASSWORD),
                    // the client checks the server certificate against the address it dialled
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), out);
        }
    }

    /** The key of {@code name}, trusting exactly the given peer certificates. */
    private static X509Credentials load(String name, X509Certificate... trusted) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
            return X509Credentials.fromPkcs12(in, PASSWORD, name, List.of(trusted));
        }
    }

    private static X509Certificate cert(String name) throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".p12"))) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            return (X509Certificate) ks.getCertificate(name);
        }
    }

    @Test
    void trustedCertificateIsServedAndUntrustedGetsNothing() throws Exception {
        X509Credentials gantryTrustsTech = load("gantry", cert("tech"));
        X509Credentials techTrustsGantry = load("tech", cert("gantry"));
        X509Credentials strangerTrustsGantry = load("stranger", cert("gantry"));

        FakeGantry gantry = new FakeGantry();
        ManagementServerConfig cfg = ManagementServerConfig.defaults()
                .withBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try (ManagementServer s = new ManagementServer(gantry, List.of(), gantryTrustsTech, cfg).start()) {
            try (GantryManagementClient tech = new GantryManagementClient(s.address(), techTrustsGantry, FAST)) {
                assertEquals("G-017", tech.status().gantryId());
            }
            int served = gantry.calls.get();
            try (GantryManagementClient stranger =
                         new GantryManagementClient(s.address(), strangerTrustsGantry, FAST)) {
                ManagementException e = assertThrows(ManagementException.class, stranger::status);
                assertTrue(e.responseCode().isEmpty(), "no CoAP response: " + e.getMessage());
                assertTrue(e.getMessage().contains("BAD_CERTIFICATE"), e.getMessage());
            }
            assertEquals(served, gantry.calls.get(), "the untrusted client reached no resource");
        }
    }
}
