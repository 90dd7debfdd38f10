package org.anpr.bench.abuse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.anpr.bench.CommandOptions;
import org.anpr.bench.ingest.Percentiles;
import org.anpr.central.Receiver;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.config.AuthConfig;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * {@code ./anpr bench abuse}: the receiver under hostile and broken clients (issue 17, item 14)
 * while one real gantry keeps publishing: idle connections, slow-drip CONNECTs, oversized
 * CONNECTs, a bad-password flood and repeated reconnect storms of a whole fleet, each from its own
 * loopback address. Reports the gantry's publish->PUBACK latency (measured from when each read was
 * due), whether anything it published was lost, and what each defence did.
 * {@code --mode storm} measures only a fleet reconnecting at once, for each credential scheme.
 */
public final class AbuseLoad {
    static final String USAGE = """
            Usage: ./anpr bench abuse [--seconds 60] [--rate 20] [--idle 2000] [--drip 200] [--oversized 8]
                                      [--bad-password 8] [--storm 1000] [--storm-every 20] [--scheme secret|pbkdf2]
                                      [--iterations 600000] [--connect-timeout 10]
                   ./anpr bench abuse --mode storm [--storm 1000] [--scheme secret|pbkdf2] [--iterations 600000]
            """;
    static final String GANTRY = "ABUSE-G0";
    private static final Set<String> OPTIONS = Set.of("--mode", "--seconds", "--rate", "--idle", "--drip", "--oversized",
            "--bad-password", "--storm", "--storm-every", "--scheme", "--iterations", "--connect-timeout");

    /** What a run measured. */
    record Result(Percentiles latency, long published, long stored, boolean gantryStayedConnected, List<Attack> attacks,
                  List<Long> stormMillis, StormClients storm, Receiver receiver) {
        long lost() {
            return published - stored;
        }
    }

    private AbuseLoad() {
    }

    public static void main(String[] args) throws Exception {
        CommandOptions o = CommandOptions.forMain(args, OPTIONS, "bench abuse", USAGE);
        if (o == null) {
            return;
        }
        if (o.text("--mode", "abuse").equals("storm")) {
            storm(o.integer("--storm", 1_000), o.text("--scheme", "secret"), o.integer("--iterations", PasswordHasher.DEFAULT_ITERATIONS));
            return;
        }
        Path dir = Files.createTempDirectory("anpr-abuse");
        try (Receiver receiver = new Receiver(config(dir, o.integer("--storm", 1_000), o.text("--scheme", "secret"),
                o.integer("--iterations", PasswordHasher.DEFAULT_ITERATIONS), o.integer("--connect-timeout", 10)))) {
            Result r = run(receiver, o.integer("--seconds", 60), o.integer("--rate", 20), o.integer("--idle", 2_000),
                    o.integer("--drip", 200), o.integer("--oversized", 8), o.integer("--bad-password", 8), o.integer("--storm", 1_000),
                    o.integer("--storm-every", 20));
            print(r);
            System.exit(r.lost() == 0 && r.gantryStayedConnected() ? 0 : 1);
        }
    }

    /** The gantries' one secret (or password): every load gantry shares it, so one hash serves the whole file. */
    static String secret(String scheme) {
        return scheme.equals("secret") ? "abuse-load-secret-" + "s".repeat(40) : "abuse-load-password";
    }

    static List<String> stormIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.format("STORM-%04d", i + 1));
        }
        return ids;
    }

    static ReceiverConfig config(Path dir, int stormGantries, String scheme, int iterations, int connectTimeoutSeconds) throws Exception {
        if (!scheme.equals("secret") && !scheme.equals("pbkdf2")) {
            throw new IllegalArgumentException("--scheme: secret or pbkdf2, was " + scheme);
        }
        char[] secret = secret(scheme).toCharArray();
        String hash = scheme.equals("secret") ? PasswordHasher.hashSecret(secret) : PasswordHasher.hash(secret, iterations);
        StringBuilder lines = new StringBuilder(GANTRY + ":" + hash + "\n");
        stormIds(stormGantries).forEach(id -> lines.append(id).append(':').append(hash).append('\n'));
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, lines, StandardCharsets.UTF_8);
        ReceiverConfig d = ReceiverConfig.DEFAULTS;
        MqttConfig m = d.mqtt();
        return d.withMqtt(new MqttConfig("127.0.0.1", 0, m.maxMessageBytes(), m.maxClientIdLength(), m.maxInflightPerClient(),
                        m.maxKeepAliveSeconds(), connectTimeoutSeconds).withConnectionCaps(m.maxConnections(), m.maxConnectionsPerAddress()))
                .withAuth(new AuthConfig(credentials))
                .withStore(d.store().withDirectory(dir.resolve("data")))
                .withHttp(d.http().withEnabled(false));
    }

    static Result run(Receiver receiver, int seconds, int rate, int idle, int drip, int oversized, int badPassword, int stormSize,
                      int stormEverySeconds) throws Exception {
        int port = receiver.start();
        MqttClient gantry = new MqttClient("tcp://127.0.0.1:" + port, GANTRY, new MemoryPersistence());
        MqttConnectOptions co = new MqttConnectOptions();
        co.setUserName(GANTRY);
        String secret = Files.readAllLines(receiver.config().auth().credentialsFile()).get(0).contains(PasswordHasher.SECRET_SCHEME)
                ? secret("secret") : secret("pbkdf2");
        co.setPassword(secret.toCharArray());
        co.setCleanSession(true);
        co.setAutomaticReconnect(false);
        co.setConnectionTimeout(60);
        co.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        gantry.setTimeToWait(30_000);
        gantry.connect(co);

        List<Attack> attacks = new ArrayList<>();
        if (idle > 0) {
            attacks.addAll(Attacks.idle(idle, port));
        }
        if (drip > 0) {
            attacks.add(Attacks.slowDrip(drip, 500, port));
        }
        if (oversized > 0) {
            attacks.add(Attacks.oversized(oversized, port));
        }
        if (badPassword > 0) {
            attacks.add(Attacks.badPasswords(badPassword, GANTRY, port));
        }
        StormClients storm = stormSize > 0 ? new StormClients(stormIds(stormSize), secret, port, "127.0.0.6") : null;
        Attacks.startAll(attacks);
        List<Long> stormMillis = new ArrayList<>();
        Thread stormer = null;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        if (storm != null) {
            stormer = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long ms = storm.connectAll(Math.max(1_000, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                        stormMillis.add(ms);
                        Thread.sleep(TimeUnit.SECONDS.toMillis(stormEverySeconds));
                        storm.dropAll();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stormer");
            stormer.setDaemon(true);
            stormer.start();
        }

        WireCodec codec = new WireCodec();
        SampleMessages samples = new SampleMessages(7);
        String topic = Topic.of(GANTRY, TopicKind.READS).name();
        List<long[]> latencies = new ArrayList<>();
        long[] lat = new long[seconds * rate + 16];
        int n = 0;
        long published = 0;
        long periodNanos = 1_000_000_000L / rate;
        long due = System.nanoTime();
        boolean connected = true;
        while (System.nanoTime() < end && n < lat.length) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            try {
                gantry.publish(topic, codec.encode(samples.batch(GANTRY, 1)), 1, false); // returns after the PUBACK
                published++;
                lat[n++] = System.nanoTime() - due; // from when it was due: no coordinated omission
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                connected = false;
                System.err.println("bench abuse: the measured gantry's publish failed: " + e);
                break;
            }
            due += periodNanos;
        }
        latencies.add(java.util.Arrays.copyOf(lat, n));
        connected = connected && gantry.isConnected();
        Attacks.stopAll(attacks);
        if (stormer != null) {
            stormer.interrupt();
            stormer.join(5_000);
            storm.dropAll();
        }
        gantry.disconnect();
        gantry.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (receiver.writer().queued() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return new Result(Percentiles.of(latencies), published, receiver.store().countReads(), connected, attacks, stormMillis, storm,
                receiver);
    }

    static void print(Result r) {
        System.out.printf("measured gantry: %d reads published, %d stored, %d lost, %s; publish->PUBACK %s%n", r.published(), r.stored(),
                r.lost(), r.gantryStayedConnected() ? "stayed connected" : "LOST ITS CONNECTION", r.latency().describe());
        r.attacks().forEach(a -> System.out.println("  " + a));
        if (r.storm() != null) {
            System.out.printf("  reconnect storms       %s ms until all %s were back; %d attempts, %d shed (CONNACK 3), %d refused%n",
                    r.stormMillis(), "gantries", r.storm().attempts.get(), r.storm().shed.get(), r.storm().refused.get());
        }
        var m = r.receiver().metrics();
        System.out.printf("  receiver: %d accepted, %d refused, %d capped, %d shed, %d oversized packets, %d password checks%n",
                m.get(Counter.CONNECTIONS_ACCEPTED), m.get(Counter.CONNECTIONS_REFUSED), m.get(Counter.CONNECTIONS_CAPPED),
                m.get(Counter.AUTHENTICATIONS_SHED), m.get(Counter.OVERSIZE_PACKETS), r.receiver().credentialDerivations());
    }

    /** A whole fleet reconnecting at once after a centre restart: how long until every gantry is back, per scheme. */
    static void storm(int n, String scheme, int iterations) throws Exception {
        Path dir = Files.createTempDirectory("anpr-storm");
        try (Receiver receiver = new Receiver(config(dir, n, scheme, iterations, 10))) {
            int port = receiver.start();
            StormClients clients = new StormClients(stormIds(n), secret(scheme), port, "127.0.0.6");
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long ms = clients.connectAll(TimeUnit.MINUTES.toMillis(15));
            long cpuMs = (os.getProcessCpuTime() - cpu0) / 1_000_000;
            System.out.printf("reconnect storm: %d gantries, %s%s: %s; %d attempts, %d shed (CONNACK 3), %d refused; %d ms CPU, %d cores%n", n,
                    scheme, scheme.equals("pbkdf2") ? " " + iterations + " iterations" : "",
                    ms < 0 ? "NOT ALL BACK within 15 min" : "all back after " + ms + " ms", clients.attempts.get(), clients.shed.get(),
                    clients.refused.get(), cpuMs, Runtime.getRuntime().availableProcessors());
            clients.dropAll();
        }
    }
}
