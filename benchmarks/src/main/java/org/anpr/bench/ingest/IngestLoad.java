package org.anpr.bench.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.anpr.central.Receiver;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.config.AuthConfig;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.config.StoreConfig;
import org.anpr.central.metrics.LatencyHistogram;
import org.anpr.central.metrics.ReceiverMetrics.Counter;

/**
 * End-to-end ingest load: {@code --gantries} real Paho clients over loopback publish QoS 1 reads
 * to the central receiver (started in-process, or a running one with {@code --host/--port}).
 * {@code --mode throughput}: reads/s acknowledged, i.e. durably committed, then checked against the
 * store; {@code --mode rate}: publish->PUBACK latency percentiles at a fixed offered rate,
 * measured from the moment each read was due (no coordinated omission). See {@link LoadOptions}.
 */
public final class IngestLoad {
    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(LoadOptions.USAGE);
            return;
        }
        LoadOptions o;
        try {
            o = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("IngestLoad: " + e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        if (o.writeCredentials() != null) {
            Files.writeString(o.writeCredentials(), credentials(o.gantries()), StandardCharsets.UTF_8);
            System.out.println("wrote credentials of " + o.gantries() + " load gantries to " + o.writeCredentials());
            return;
        }
        System.exit(run(o) ? 0 : 1);
    }

    static boolean run(LoadOptions o) throws Exception {
        Path temp = o.external() ? null : Files.createTempDirectory("anpr-ingest-load");
        Receiver receiver = o.external() ? null : new Receiver(config(o, temp));
        try {
            int port = receiver == null ? o.port() : receiver.start();
            // an existing database (PostgreSQL, --data) may hold reads of earlier runs
            long storedBefore = receiver == null ? 0 : receiver.store().countReads();
            String uri = "tcp://" + o.host() + ":" + port;
            System.out.printf("IngestLoad: %s, %d gantries x %d in flight, %d B crops, %s store%s, %d cores, load average %.1f%n",
                    o.mode(), o.gantries(), o.inflight(), o.cropBytes(), o.external() ? "external" : o.store(),
                    o.external() ? " at " + uri : " (in-process receiver)", Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            AtomicLong acked = new AtomicLong();
            List<LoadGantry> gantries = connect(o, uri, acked);
            Senders senders = new Senders(o, gantries);
            senders.start();
            Thread.sleep(TimeUnit.SECONDS.toMillis(o.warmup()));

            gantries.forEach(LoadGantry::startRecording);
            long commitsBefore = receiver == null ? 0 : receiver.metrics().get(Counter.COMMITS);
            long msgsBefore = receiver == null ? 0 : receiver.metrics().get(Counter.MESSAGES_COMMITTED);
            LatencyHistogram.Snapshot commitsAt0 = receiver == null ? null : receiver.metrics().commitTimes().snapshot();
            LatencyHistogram.Snapshot durableAt0 = receiver == null ? null : receiver.metrics().durableTimes().snapshot();
            LatencyHistogram.Snapshot upkeepAt0 = receiver == null ? null : receiver.metrics().upkeepTimes().snapshot();
            long[] gc0 = gcTotals();
            long a0 = acked.get();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(o.seconds()));
            long a1 = acked.get();
            long t1 = System.nanoTime();
            long cpu1 = processCpuNanos();
            long[] gc1 = gcTotals();
            List<long[]> latencies = gantries.stream().map(LoadGantry::stopRecording).toList();
            long commits = receiver == null ? 0 : receiver.metrics().get(Counter.COMMITS) - commitsBefore;
            long msgs = receiver == null ? 0 : receiver.metrics().get(Counter.MESSAGES_COMMITTED) - msgsBefore;
            senders.stop();

            double seconds = (t1 - t0) / 1e9;
            System.out.printf("acknowledged (= committed) reads in the measured %.1f s: %d -> %,.0f reads/s%n", seconds, a1 - a0,
                    (a1 - a0) / seconds);
            System.out.printf("this process used %.2f cores (CPU time / wall time; %s)%n", (cpu1 - cpu0) / (double) (t1 - t0),
                    receiver == null ? "load generator only" : "load generator and receiver");
            if (o.mode().equals("rate")) {
                System.out.printf("offered %,d reads/s; due but no window free: %d times%n", o.rate(), senders.stalls());
            }
            System.out.println("publish->PUBACK latency: " + Percentiles.of(latencies).describe());
            if (commits > 0) {
                System.out.printf("receiver: %d commits, %.1f publishes per commit%n", commits, (double) msgs / commits);
                // where a publish's time goes inside the receiver (power-of-two buckets: upper bounds)
                LatencyHistogram.Snapshot c = receiver.metrics().commitTimes().snapshot().since(commitsAt0);
                LatencyHistogram.Snapshot d = receiver.metrics().durableTimes().snapshot().since(durableAt0);
                System.out.printf("receiver: commit p50<=%.1f p99<=%.1f max<=%.1f ms; handed to writer -> durable p50<=%.1f p99<=%.1f ms%n",
                        c.quantileMillis(0.5), c.quantileMillis(0.99), c.quantileMillis(1.0), d.quantileMillis(0.5), d.quantileMillis(0.99));
                LatencyHistogram.Snapshot u = receiver.metrics().upkeepTimes().snapshot().since(upkeepAt0);
                System.out.printf("receiver: %d WAL restart steps between commits, p50<=%.1f max<=%.1f ms%n",
                        u.total(), u.quantileMillis(0.5), u.quantileMillis(1.0));
            }
            System.out.printf("garbage collection in the measured window: %d collections, %d ms in all%n", gc1[0] - gc0[0], gc1[1] - gc0[1]);
            boolean ok = true;
            for (LoadGantry g : gantries) {
                ok &= g.drain(o.inflight(), 30_000);
            }
            long failures = gantries.stream().mapToLong(LoadGantry::failures).sum();
            gantries.forEach(LoadGantry::close);
            long sent = senders.published();
            System.out.printf("published %d, acknowledged %d, failed %d%s%n", sent, acked.get(), failures, ok ? "" : ", NOT all drained");
            ok &= failures == 0 && acked.get() == sent;
            if (receiver != null) {
                long stored = receiver.store().countReads() - storedBefore;
                System.out.printf("store holds %d new reads (must equal acknowledged: %s)%n", stored, stored == acked.get() ? "yes" : "NO");
                ok &= stored == acked.get();
            }
            return ok;
        } finally {
            if (receiver != null) {
                receiver.close();
            }
            if (temp != null && o.data() == null) {
                deleteTree(temp);
            }
        }
    }

    /** Collections and milliseconds spent collecting so far, all collectors (pauses and concurrent work). */
    private static long[] gcTotals() {
        long n = 0;
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {n, ms};
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<LoadGantry> connect(LoadOptions o, String uri, AtomicLong acked) throws Exception {
        List<LoadGantry> out = new ArrayList<>();
        for (int i = 0; i < o.gantries(); i++) {
            out.add(new LoadGantry(uri, LoadOptions.gantryId(i), o.inflight(), o.cropBytes(), i, acked));
        }
        for (LoadGantry g : out) {
            g.awaitConnected();
        }
        return out;
    }

    private static ReceiverConfig config(LoadOptions o, Path temp) throws IOException {
        Path credentials = Files.writeString(temp.resolve("credentials"), credentials(o.gantries()), StandardCharsets.UTF_8);
        ReceiverConfig d = ReceiverConfig.DEFAULTS;
        StoreConfig.PostgresConfig pg = o.pgUrl() == null ? d.store().postgresql()
                : new StoreConfig.PostgresConfig(o.pgUrl(), o.pgUser(), o.pgPassword());
        StoreConfig store = new StoreConfig(o.store().equals("postgresql") ? StoreConfig.Type.POSTGRESQL : StoreConfig.Type.SQLITE,
                o.data() != null ? o.data() : temp.resolve("data"), o.maxBatch(), o.highWater(), Math.max(0, o.highWater() / 5), pg);
        return d.withMqtt(new MqttConfig("127.0.0.1", 0, d.mqtt().maxMessageBytes(), 64, o.inflight(), 120, 30))
                .withAuth(new AuthConfig(credentials)).withStore(store)
                .withHttp(d.http().withEnabled(false));
    }

    /** Credentials of the load gantries; 1,000 PBKDF2 iterations so that 200 connects take no minute (not on the ingest path). */
    static String credentials(int gantries) {
        StringBuilder s = new StringBuilder("# IngestLoad gantries\n");
        for (int i = 0; i < gantries; i++) {
            String g = LoadOptions.gantryId(i);
            s.append(g).append(':').append(PasswordHasher.hash(LoadOptions.password(g).toCharArray(), 1_000)).append('\n');
        }
        return s.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
