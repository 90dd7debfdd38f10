package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.OTHER;
import static org.anpr.central.support.TestGantries.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.config.AuthConfig;
import org.anpr.central.config.TlsConfig;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.support.TestGantries;
import org.anpr.central.support.TestPki;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 7: revocation without a restart. The credentials file and the CRL are re-read on
 * change; the connections whose password line was removed or replaced, or whose certificate is now
 * revoked, are closed and cannot come back; a file that does not load changes nothing.
 */
class CredentialsReloadTest {
    @TempDir
    Path dir;
    @TempDir
    Path pkiDir;

    private static String line(String gantry, String password) {
        return gantry + ":" + PasswordHasher.hash(password.toCharArray(), 1_000) + "\n";
    }

    @Test
    void aRemovedOrReplacedPasswordClosesItsConnectionWithoutARestart() throws Exception {
        Path credentials = TestGantries.credentials(dir);
        var c = TestGantries.config(dir).withAuth(new AuthConfig(credentials, Duration.ofMillis(100)));
        try (Receiver receiver = new Receiver(c)) {
            receiver.start();
            MqttClient entry = TestGantries.connect(receiver.port(), ENTRY, true);
            MqttClient exit = TestGantries.connect(receiver.port(), EXIT, true);
            MqttClient other = TestGantries.connect(receiver.port(), OTHER, true);
            String exitLine = Files.readAllLines(credentials).stream().filter(l -> l.startsWith(EXIT + ":")).findFirst().orElseThrow();
            try {
                // a file that does not load keeps the one in force
                Files.writeString(credentials, "not a credentials line\n", StandardCharsets.UTF_8);
                Thread.sleep(500);
                assertTrue(entry.isConnected() && exit.isConnected() && other.isConnected(), "a bad file revoked someone");
                // ENTRY removed, OTHER's password replaced, EXIT untouched (its line is the same hash)
                Files.writeString(credentials, exitLine + "\n" + line(OTHER, "rotated-pw-1"), StandardCharsets.UTF_8);
                await("ENTRY and OTHER to be disconnected", Duration.ofSeconds(5), () -> !entry.isConnected() && !other.isConnected());
                Thread.sleep(300);
                assertTrue(exit.isConnected(), "a gantry whose line did not change was disconnected");
                assertEquals(2, receiver.metrics().get(Counter.CONNECTIONS_REVOKED));

                MqttException refused = assertThrows(MqttException.class, () -> TestGantries.connect(receiver.port(), ENTRY, true));
                assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, refused.getReasonCode());
                MqttClient rotated = TestGantries.client(receiver.port(), OTHER);
                MqttConnectOptions o = TestGantries.options(OTHER, true);
                o.setPassword("rotated-pw-1".toCharArray());
                rotated.connect(o);
                TestGantries.closeQuietly(rotated);
            } finally {
                TestGantries.closeQuietly(entry);
                TestGantries.closeQuietly(exit);
                TestGantries.closeQuietly(other);
            }
        }
    }

    @Test
    void aCertificateRevokedInTheCrlIsClosedAndRefused() throws Exception {
        TestPki pki = new TestPki(pkiDir, ENTRY, EXIT);
        Path crl = dir.resolve("gantries.crl");
        pki.writeCrl(crl); // revokes nobody
        var c = TestGantries.config(dir);
        c = c.withAuth(new AuthConfig(c.auth().credentialsFile(), Duration.ofMillis(100)))
                .withTls(new TlsConfig(true, 0, pki.serverKeyStore(), TestPki.PASSWORD, pki.trustStore(), TestPki.PASSWORD,
                        "optional", true).withCrlFile(crl));
        try (Receiver receiver = new Receiver(c)) {
            receiver.start();
            MqttClient entry = certified(receiver, pki, ENTRY);
            MqttClient exit = certified(receiver, pki, EXIT);
            try {
                pki.writeCrl(crl, ENTRY);
                await("ENTRY's certificate connection to close", Duration.ofSeconds(5), () -> !entry.isConnected());
                Thread.sleep(300);
                assertTrue(exit.isConnected(), "a certificate the CRL does not name was disconnected");
                assertEquals(1, receiver.metrics().get(Counter.CONNECTIONS_REVOKED));
                MqttException refused = assertThrows(MqttException.class, () -> certified(receiver, pki, ENTRY));
                assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused.getReasonCode());
                // a CRL signed by somebody else is not believed: it would un-revoke ENTRY
                TestPki stranger = new TestPki(Files.createDirectories(pkiDir.resolve("stranger")));
                stranger.writeCrl(crl);
                Thread.sleep(500);
                assertThrows(MqttException.class, () -> certified(receiver, pki, ENTRY), "a CRL from a foreign CA un-revoked");
            } finally {
                TestGantries.closeQuietly(entry);
                TestGantries.closeQuietly(exit);
            }
        }
    }

    private static MqttClient certified(Receiver receiver, TestPki pki, String gantry) throws Exception {
        MqttClient m = new MqttClient("ssl://localhost:" + receiver.tlsPort(), gantry, new MemoryPersistence());
        m.setTimeToWait(10_000);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setSocketFactory(pki.clientContext(gantry).getSocketFactory());
        o.setConnectionTimeout(5);
        o.setAutomaticReconnect(false);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        try {
            m.connect(o);
        } catch (MqttException e) {
            m.close(true);
            throw e;
        }
        return m;
    }
}
