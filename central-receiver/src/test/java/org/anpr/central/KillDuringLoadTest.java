package org.anpr.central;

import static org.anpr.central.support.TestGantries.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.support.ReceiverProcess;
import org.anpr.central.support.TestGantries;
import org.anpr.protocol.ids.Uuid7;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * The receiver runs as a child JVM; gantries publish reads at QoS 1 as fast as it takes them; the
 * receiver is SIGKILLed mid-stream. After a restart on the same files every read whose PUBACK
 * arrived is stored, and replaying everything (what the gantries' outboxes would do) stores each
 * read exactly once.
 */
class KillDuringLoadTest {
    private static final int GANTRIES = 4;
    private static final int INFLIGHT = 32;
    private static final int ACKED_BEFORE_KILL = 800;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedReadSurvivesSigkillExactlyOnce() throws Exception {
        Path config = writeConfig();
        Map<UUID, PlateRead> sent = new ConcurrentHashMap<>();
        Set<UUID> acked = ConcurrentHashMap.newKeySet();

        try (ReceiverProcess receiver = ReceiverProcess.start(config, dir.resolve("receiver.log"))) {
            List<Publisher> publishers = new ArrayList<>();
            for (int g = 0; g < GANTRIES; g++) {
                publishers.add(new Publisher(receiver.port(), gantry(g), g, sent, acked));
            }
            publishers.forEach(Thread::start);
            TestGantries.await(ACKED_BEFORE_KILL + " reads acknowledged", java.time.Duration.ofSeconds(60),
                    () -> acked.size() >= ACKED_BEFORE_KILL);
            receiver.kill(); // mid-stream: every publisher has up to INFLIGHT reads unacknowledged
            for (Publisher p : publishers) {
                p.halt();
            }
        }
        Set<UUID> ackedAtKill = Set.copyOf(acked);
        assertTrue(ackedAtKill.size() >= ACKED_BEFORE_KILL);

        try (ReceiverProcess receiver = ReceiverProcess.start(config, dir.resolve("receiver.log"))) {
            // The acknowledged reads are there before anyone redelivers anything.
            Set<UUID> afterRestart = new HashSet<>(storedIds());
            Set<UUID> lost = new HashSet<>(ackedAtKill);
            lost.removeAll(afterRestart);
            assertEquals(Set.of(), lost, "acknowledged reads missing after SIGKILL");

            // The outboxes replay whatever they sent (acknowledged or not): stored once each.
            replay(receiver.port(), sent);
            receiver.stop();
        }
        List<UUID> rows = storedIds();
        assertEquals(rows.size(), new HashSet<>(rows).size(), "no read stored twice");
        assertEquals(sent.keySet(), new HashSet<>(rows), "every read sent is stored after the replay");
        System.out.printf("sent %d, acknowledged before SIGKILL %d, stored %d%n", sent.size(), ackedAtKill.size(), rows.size());
    }

    private static String gantry(int g) {
        return "KILL-" + g;
    }

    private Path writeConfig() throws Exception {
        StringBuilder creds = new StringBuilder();
        for (int g = 0; g < GANTRIES; g++) {
            creds.append(gantry(g)).append(':').append(PasswordHasher.hash(TestGantries.password(gantry(g)).toCharArray(), 1_000))
                    .append('\n');
        }
        Path credentials = Files.writeString(dir.resolve("credentials"), creds, StandardCharsets.UTF_8);
        Path config = dir.resolve("receiver.yaml");
        Files.writeString(config, """
                mqtt: { host: 127.0.0.1, port: 0, maxInflightPerClient: %d }
                http: { host: 127.0.0.1, port: 0 }
                auth: { credentialsFile: "%s" }
                store: { directory: "%s" }
                """.formatted(INFLIGHT, credentials, dir.resolve("data")), StandardCharsets.UTF_8);
        return config;
    }

    /** Read ids in the day files, one entry per row, the files opened read-only (beside a running receiver, or after it). */
    private List<UUID> storedIds() throws Exception {
        List<UUID> ids = new ArrayList<>();
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("reads-.*\\.db")).toList()) {
                try (Connection c = readOnly.createConnection("jdbc:sqlite:" + f);
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT read_id FROM reads")) {
                    while (rs.next()) {
                        ids.add(Uuid7.fromBytes(rs.getBytes(1)));
                    }
                }
            }
        }
        return ids;
    }

    private static void replay(int port, Map<UUID, PlateRead> sent) throws Exception {
        Map<String, List<PlateRead>> byGantry = new java.util.HashMap<>();
        sent.values().forEach(r -> byGantry.computeIfAbsent(r.getGantryId(), g -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<PlateRead>> e : byGantry.entrySet()) {
            MqttClient c = TestGantries.connect(port, e.getKey(), true);
            try {
                List<PlateRead> reads = e.getValue();
                for (int i = 0; i < reads.size(); i += 200) {
                    PlateReadBatch batch = PlateReadBatch.newBuilder().addAllReads(reads.subList(i, Math.min(reads.size(), i + 200))).build();
                    c.publish(Topic.of(e.getKey(), TopicKind.READS).name(), encode(batch), 1, false); // returns after PUBACK
                }
            } finally {
                TestGantries.closeQuietly(c);
            }
        }
    }

    /** One gantry: one read per PUBLISH, at most {@link #INFLIGHT} awaiting PUBACK, until halted. */
    private static final class Publisher extends Thread {
        private final MqttAsyncClient client;
        private final String gantry;
        private final SampleMessages samples;
        private final Map<UUID, PlateRead> sent;
        private final Set<UUID> acked;
        private final Semaphore window = new Semaphore(INFLIGHT);
        private volatile boolean halted;

        Publisher(int port, String gantry, int seed, Map<UUID, PlateRead> sent, Set<UUID> acked) throws Exception {
            super("publisher-" + gantry);
            this.gantry = gantry;
            this.samples = new SampleMessages(seed, 2048);
            this.sent = sent;
            this.acked = acked;
            this.client = new MqttAsyncClient("tcp://127.0.0.1:" + port, gantry, new MemoryPersistence());
            MqttConnectOptions o = TestGantries.options(gantry, true);
            o.setMaxInflight(INFLIGHT);
            client.connect(o).waitForCompletion(10_000);
        }

        @Override
        public void run() {
            String topic = Topic.of(gantry, TopicKind.READS).name();
            try {
                while (!halted) {
                    if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    PlateRead read = samples.read(gantry);
                    UUID id = Uuid7.fromBytes(read.getReadId().toByteArray());
                    sent.put(id, read);
                    MqttMessage m = new MqttMessage(encode(PlateReadBatch.newBuilder().addReads(read).build()));
                    m.setQos(1);
                    client.publish(topic, m, null, new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) { // PUBACK received
                            acked.add(id);
                            window.release();
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable cause) {
                            window.release();
                        }
                    });
                }
            } catch (Exception e) {
                // the receiver was killed under us: what was not acknowledged is replayed later
            }
        }

        void halt() throws InterruptedException {
            halted = true;
            join(10_000);
            try {
                client.disconnectForcibly(0, 0, false);
            } catch (Exception ignored) {
                // already gone with the receiver
            }
            try {
                client.close(true);
            } catch (Exception ignored) {
                // already gone with the receiver
            }
        }
    }
}
