package org.anpr.bench.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anpr.bench.ingest.IngestLoad;

/**
 * {@code ./anpr bench ingest --mode rate} as a process of its own against this process's receiver:
 * its output is echoed, and its publish->PUBACK figures and counts are parsed from it.
 */
final class IngestProcess {
    private static final Pattern PUBACK = Pattern.compile(
            "publish->PUBACK latency: n=(\\d+) p50=([\\d.]+) ms p95=([\\d.]+) ms p99=([\\d.]+) ms max=([\\d.]+) ms");
    private static final Pattern ACKED = Pattern.compile("measured ([\\d.]+) s: (\\d+) -> ([\\d,]+) reads/s");
    private static final Pattern PUBLISHED = Pattern.compile("published (\\d+), acknowledged (\\d+), failed (\\d+)");

    /** What the load reported. {@code ok}: it exited normally and every publish was acknowledged. */
    record Figures(String puback, double p50, double p99, double ackedRate, long failed, boolean ok) {
    }

    private final Process process;
    private final Thread reader;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile long measuredEndNanos;

    private IngestProcess(Process process, PrintStream out) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    out.println("  ingest | " + line);
                    if (line.startsWith("IngestLoad:")) {
                        connected.countDown();
                    } else if (line.startsWith("acknowledged")) {
                        measuredEndNanos = System.nanoTime();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            connected.countDown();
        }, "ingest-output");
        reader.start();
    }

    static IngestProcess start(SearchOptions o, int mqttPort, PrintStream out) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), IngestLoad.class.getName(), "--mode", "rate", "--rate",
                Integer.toString(o.rate()), "--seconds", Integer.toString(o.seconds()), "--warmup", Integer.toString(o.warmup()),
                "--gantries", Integer.toString(o.gantries()), "--host", "127.0.0.1", "--port", Integer.toString(mqttPort));
        out.println("under load: running " + String.join(" ", cmd.subList(3, cmd.size())) + " (a process of its own)");
        return new IngestProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start(), out);
    }

    /**
     * Waits until the load publishes: its gantries connect after its first line (each connection
     * also commits a presence change), so more than {@code gantries} commits mean reads.
     */
    void awaitPublishing(LongSupplier committed, int gantries) throws InterruptedException {
        long started = committed.getAsLong() + gantries + 10;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (committed.getAsLong() < started && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        if (!connected.await(1, TimeUnit.SECONDS) || committed.getAsLong() < started) {
            throw new IllegalStateException("the ingest load did not start: " + String.join("\n", lines));
        }
    }

    /** Waits for the load to finish; returns when its measured window ended (nanoTime), or now. */
    long awaitEnd() throws InterruptedException {
        process.waitFor();
        reader.join();
        return measuredEndNanos != 0 ? measuredEndNanos : System.nanoTime();
    }

    Figures figures() {
        String puback = "";
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        double rate = Double.NaN;
        long failed = 0;
        boolean ok = !process.isAlive() && process.exitValue() == 0;
        synchronized (lines) {
            for (String line : lines) {
                Matcher m = PUBACK.matcher(line);
                if (m.find()) {
                    puback = line.substring(line.indexOf("n="));
                    p50 = Double.parseDouble(m.group(2));
                    p99 = Double.parseDouble(m.group(4));
                }
                Matcher a = ACKED.matcher(line);
                if (a.find()) {
                    rate = Double.parseDouble(a.group(3).replace(",", ""));
                }
                Matcher f = PUBLISHED.matcher(line);
                if (f.find()) {
                    failed = Long.parseLong(f.group(3));
                    ok &= failed == 0 && f.group(1).equals(f.group(2));
                }
            }
        }
        return new Figures(puback, p50, p99, rate, failed, ok);
    }
}
