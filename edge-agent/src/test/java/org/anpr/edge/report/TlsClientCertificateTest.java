package org.anpr.edge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.anpr.edge.outbox.Outbox;
import org.anpr.edge.outbox.OutboxLimits;
import org.anpr.edge.testing.Mosquitto;
import org.anpr.edge.testing.Subscriber;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.GantryStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS with a client certificate against mosquitto ({@code require_certificate true}); certificates made with openssl. */
class TlsClientCertificateTest {
    private static final String G = "A2-N-km40";
    private static final String PASS = "changeit";
    @TempDir
    Path dir;

    private void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private void makeCertificates() throws Exception {
        Files.writeString(dir.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1\n");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=test-ca");
        for (String who : new String[] {"server", "client"}) {
            run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", who + ".key", "-out", who + ".csr",
                    "-subj", who.equals("server") ? "/CN=127.0.0.1" : "/CN=" + G);
            List<String> sign = new ArrayList<>(List.of("openssl", "x509", "-req", "-in", who + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", who + ".crt", "-days", "2"));
            if (who.equals("server")) {
                sign.addAll(List.of("-extfile", "san.cnf"));
            }
            run(sign.toArray(new String[0]));
        }
        run("openssl", "pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-out", "client.p12", "-passout", "pass:" + PASS);
        run("keytool", "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", "trust.p12", "-storetype", "PKCS12",
                "-storepass", PASS);
    }

    private MqttSettings settings(String uri, Path keyStore) {
        MqttSettings base = MqttSettings.of(uri, G, null, null).withTiming(1, 100, 500);
        return new MqttSettings(base.serverUri(), base.clientId(), null, null,
                new MqttSettings.TlsSettings(keyStore, PASS, dir.resolve("trust.p12"), PASS), base.keepAliveSeconds(),
                base.connectTimeoutSeconds(), base.maxInflight(), base.heartbeatSeconds(), base.reconnectMinMillis(), base.reconnectMaxMillis(),
                base.maxReadsPerMessage());
    }

    @Test
    void clientCertificateConnectsAndWithoutOneNothingIsSent() throws Exception {
        makeCertificates();
        WireCodec codec = new WireCodec();
        try (Mosquitto broker = Mosquitto.startWithTls(Files.createDirectories(dir.resolve("broker")),
                dir.resolve("ca.crt"), dir.resolve("server.crt"), dir.resolve("server.key"));
             Outbox outbox = Outbox.open(dir.resolve("outbox.db"), OutboxLimits.DEFAULTS, codec)) {
            outbox.append(Topic.of(G, TopicKind.ALERTS), new SampleMessages(1).alert(G));
            try (MqttReporter noCert = new MqttReporter(G, settings(broker.uri(), null), outbox, codec, GantryStatus::getDefaultInstance)) {
                noCert.start();
                Thread.sleep(1500);
                assertFalse(noCert.isConnected(), "the broker requires a client certificate");
                assertEquals(1, outbox.stats().items());
            }
            try (MqttReporter r = new MqttReporter(G, settings(broker.uri(), dir.resolve("client.p12")), outbox, codec,
                    GantryStatus::getDefaultInstance)) {
                r.start();
                assertTrue(Subscriber.await(() -> outbox.stats().items() == 0, 20, TimeUnit.SECONDS), "PUBACK over mutual TLS");
                assertTrue(Subscriber.await(() -> r.acknowledged() == 1, 10, TimeUnit.SECONDS), "acknowledged: " + r.acknowledged());
            }
        }
    }
}
