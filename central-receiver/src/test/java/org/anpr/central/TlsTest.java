package org.anpr.central;

import static org.anpr.central.support.TestGantries.ENTRY;
import static org.anpr.central.support.TestGantries.EXIT;
import static org.anpr.central.support.TestGantries.await;
import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.anpr.central.config.TlsConfig;
import org.anpr.central.support.TestGantries;
import org.anpr.central.support.TestPki;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS and mTLS with certificates made at test time: a verified certificate's CN is the gantry id. */
class TlsTest {
    @TempDir
    static Path pkiDir;
    static TestPki pki;

    @TempDir
    Path dir;
    Receiver receiver;
    final SampleMessages samples = new SampleMessages(29);

    @BeforeAll
    static void makePki() throws Exception {
        pki = new TestPki(pkiDir, ENTRY);
    }

    @BeforeEach
    void start() throws Exception {
        var config = TestGantries.config(dir);
        receiver = new Receiver(config.withTls(new TlsConfig(true, 0, pki.serverKeyStore(), TestPki.PASSWORD,
                pki.trustStore(), TestPki.PASSWORD, "optional", true)));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private MqttClient tlsClient(String clientId) throws MqttException {
        MqttClient c = new MqttClient("ssl://localhost:" + receiver.tlsPort(), clientId, new MemoryPersistence());
        c.setTimeToWait(10_000);
        return c;
    }

    private static MqttConnectOptions certificateOnly(javax.net.ssl.SSLContext ctx) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setSocketFactory(ctx.getSocketFactory());
        o.setConnectionTimeout(5);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        return o;
    }

    @Test
    void clientCertificateIsTheIdentityAndTheAclFollowsIt() throws Exception {
        MqttClient gantry = tlsClient(ENTRY);
        gantry.connect(certificateOnly(pki.clientContext(ENTRY))); // no username, no password
        try {
            gantry.publish(Topic.of(ENTRY, TopicKind.READS).name(), encode(samples.batch(ENTRY, 2)), 1, false);
            assertEquals(2, receiver.store().countReads());
            assertThrows(MqttException.class,
                    () -> gantry.publish(Topic.of(EXIT, TopicKind.READS).name(), encode(samples.batch(EXIT, 1)), 1, false));
            await("the connection to close", Duration.ofSeconds(5), () -> !gantry.isConnected());
        } finally {
            TestGantries.closeQuietly(gantry);
        }
    }

    @Test
    void aPasswordStillWorksOverTlsWithoutACertificate() throws Exception {
        MqttClient gantry = tlsClient(EXIT);
        MqttConnectOptions o = TestGantries.options(EXIT, true);
        o.setSocketFactory(pki.clientContext(null).getSocketFactory());
        gantry.connect(o);
        try {
            gantry.publish(Topic.of(EXIT, TopicKind.READS).name(), encode(samples.batch(EXIT, 1)), 1, false);
            assertEquals(1, receiver.store().countReads());
        } finally {
            TestGantries.closeQuietly(gantry);
        }
    }

    @Test
    void certificateAndUsernameMustAgree() throws Exception {
        MqttClient gantry = tlsClient(EXIT);
        MqttConnectOptions o = TestGantries.options(EXIT, true); // EXIT's valid password...
        o.setSocketFactory(pki.clientContext(ENTRY).getSocketFactory()); // ...but ENTRY's certificate
        MqttException e = assertThrows(MqttException.class, () -> gantry.connect(o));
        assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, e.getReasonCode());
        gantry.close(true);
    }

    @Test
    void mosquittoPubOverTlsIsStored() throws Exception {
        Path file = dir.resolve("reads.bin");
        Files.write(file, encode(samples.batch(EXIT, 1)));
        Process pub = new ProcessBuilder(List.of("mosquitto_pub", "-h", "localhost", "-p", String.valueOf(receiver.tlsPort()),
                "--cafile", pki.caPem().toString(), "-V", "mqttv311", "-i", EXIT, "-u", EXIT, "-P", TestGantries.password(EXIT),
                "-q", "1", "-t", Topic.of(EXIT, TopicKind.READS).name(), "-f", file.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("pub.log").toFile()).start();
        assertTrue(pub.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, pub.exitValue(), Files.readString(dir.resolve("pub.log")));
        assertEquals(1, receiver.store().countReads());
    }

    @Test
    void theOperatorsApiServesHttpsWithTheSameKeyStoreAndSecureCookies() throws Exception {
        receiver.close();
        java.nio.file.Path other = java.nio.file.Files.createDirectories(dir.resolve("https"));
        var config = TestGantries.config(other);
        config = config.withTls(new TlsConfig(true, 0, pki.serverKeyStore(), TestPki.PASSWORD, pki.trustStore(), TestPki.PASSWORD,
                "optional", true)).withHttp(config.http().withTls(true));
        org.anpr.central.support.ApiFixture.addOperator(config, "viewer1", "viewer");
        receiver = new Receiver(config);
        receiver.start();
        java.net.http.HttpClient https = java.net.http.HttpClient.newBuilder().sslContext(pki.clientContext(null)).build();
        String base = "https://localhost:" + receiver.httpPort();
        var doc = https.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/openapi.json")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, doc.statusCode());
        var signIn = https.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"viewer1\",\"password\":\""
                        + org.anpr.central.support.ApiFixture.PASSWORD + "\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, signIn.statusCode(), signIn.body());
        assertTrue(signIn.headers().firstValue("Set-Cookie").orElseThrow().contains("Secure"), "the cookie never travels in clear");
        java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();
        assertThrows(java.io.IOException.class, () -> plain.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + receiver.httpPort() + "/api/v1/openapi.json")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()), "no plain HTTP on the HTTPS port");
    }
}
