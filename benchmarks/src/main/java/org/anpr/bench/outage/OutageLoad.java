package org.anpr.bench.outage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.anpr.bench.CommandOptions;
import org.anpr.central.Receiver;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.config.AuthConfig;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.pipeline.EdgeAgent;

/**
 * {@code ./anpr bench outage}: {@code --gantries} real edge agents (their own MQTT reporter, outbox
 * and back-off, with the default reconnect settings unless given) connected to a receiver that then
 * goes away for {@code --outage} seconds and comes back on the same port and files. Reports how long
 * after its return each gantry was connected again (issue 15, item 7).
 */
public final class OutageLoad {
    static final String USAGE = """
            Usage: ./anpr bench outage [--gantries 200] [--outage 66] [--reconnect-min MS] [--reconnect-max MS]
            """;
    private static final Set<String> OPTIONS = Set.of("--gantries", "--outage", "--reconnect-min", "--reconnect-max");

    private OutageLoad() {
    }

    public static void main(String[] args) throws Exception {
        CommandOptions o = CommandOptions.forMain(args, OPTIONS, "bench outage", USAGE);
        if (o == null) {
            return;
        }
        int n = o.integer("--gantries", 200);
        int outage = o.integer("--outage", 66);
        String min = o.text("--reconnect-min", null);
        String max = o.text("--reconnect-max", null);
        Path dir = Files.createTempDirectory("anpr-outage");
        String secret = "outage-bench-secret-" + "s".repeat(40);
        String hash = PasswordHasher.hashSecret(secret.toCharArray());
        StringBuilder lines = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("OUT-%04d", i + 1);
            ids.add(id);
            lines.append(id).append(':').append(hash).append('\n');
        }
        Path credentials = Files.writeString(dir.resolve("credentials"), lines, StandardCharsets.UTF_8);
        ReceiverConfig d = ReceiverConfig.DEFAULTS;
        ReceiverConfig first = d.withMqtt(new MqttConfig("127.0.0.1", 0, d.mqtt().maxMessageBytes(), 64, 32, 60, 10))
                .withAuth(new AuthConfig(credentials)).withStore(d.store().withDirectory(dir.resolve("centre")))
                .withHttp(d.http().withEnabled(false));
        Receiver receiver = new Receiver(first);
        int port = receiver.start();
        List<EdgeAgent> agents = new ArrayList<>();
        try {
            for (String id : ids) {
                agents.add(EdgeAgent.start(AgentConfigLoader.parse("""
                        gantry: { id: %s }
                        storage: { dir: "%s" }
                        clock: { source: none }
                        mqtt: { serverUri: "tcp://127.0.0.1:%d", username: %s, password: "%s"%s%s }
                        """.formatted(id, dir.resolve(id), port, id, secret, min == null ? "" : ", reconnectMinMillis: " + min,
                        max == null ? "" : ", reconnectMaxMillis: " + max)), HealthProbe.UNKNOWN));
            }
            awaitConnected(agents, TimeUnit.MINUTES.toNanos(5));
            System.out.printf("bench outage: %d agents connected; stopping the receiver for %d s%n", n, outage);
            receiver.close();
            Thread.sleep(TimeUnit.SECONDS.toMillis(outage));
            receiver = new Receiver(first.withMqtt(first.mqtt().withPort(port)));
            receiver.start();
            long back = System.nanoTime();
            long[] reconnectedMillis = new long[n];
            Arrays.fill(reconnectedMillis, -1);
            long deadline = back + TimeUnit.MINUTES.toNanos(5);
            int done = 0;
            while (done < n && System.nanoTime() < deadline) {
                for (int i = 0; i < n; i++) {
                    if (reconnectedMillis[i] < 0 && agents.get(i).reporter().isConnected()) {
                        reconnectedMillis[i] = (System.nanoTime() - back) / 1_000_000;
                        done++;
                    }
                }
                Thread.sleep(20);
            }
            long[] sorted = Arrays.stream(reconnectedMillis).filter(v -> v >= 0).sorted().toArray();
            System.out.printf("bench outage: %d of %d gantries back after the receiver's return: p50 %.1f s, p90 %.1f s, max %.1f s"
                            + " (reconnect %s..%s ms)%n", sorted.length, n, at(sorted, 0.5) / 1e3, at(sorted, 0.9) / 1e3,
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e3, min == null ? "default" : min, max == null ? "default" : max);
        } finally {
            for (EdgeAgent a : agents) {
                a.close();
            }
            receiver.close();
        }
        System.exit(0);
    }

    private static double at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static void awaitConnected(List<EdgeAgent> agents, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline && !agents.stream().allMatch(a -> a.reporter().isConnected())) {
            Thread.sleep(50);
        }
    }
}
