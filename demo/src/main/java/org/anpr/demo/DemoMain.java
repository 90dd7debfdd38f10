package org.anpr.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.anpr.central.store.StoreWrite.AlertSource;
import org.anpr.edge.capture.synthetic.SyntheticTrafficConfig;
import org.anpr.edge.capture.synthetic.SyntheticTrafficSource;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.frames.FramePipeline;
import org.anpr.edge.frames.PipelineConfig;
import org.anpr.edge.frames.metrics.LatencySnapshot;
import org.anpr.edge.frames.metrics.PipelineSnapshot;
import org.anpr.edge.frames.wire.PipelineReadSource;
import org.anpr.edge.frames.wire.PlateReadMapper;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.pipeline.EdgeAgent;
import org.anpr.device.time.DeviceClock;
import org.anpr.ocr.PlateRecognizer;
import org.anpr.ocr.RecognizerConfig;
import org.anpr.ocr.synth.SceneSpec;
import org.anpr.protocol.json.JsonRendering;
import org.anpr.protocol.v1.ClockSync;

/**
 * {@code ./anpr demo}: one gantry and the centre, both real, on this machine. Synthetic traffic
 * drives past the gantry's camera; the gantry recognises the plates, emits one read per vehicle,
 * checks its hotlist (which the centre sent it), keeps everything in its outbox and reports over
 * MQTT; the centre acknowledges each read only once it is in its SQLite store.
 */
public final class DemoMain {
    private static final String GANTRY = "DEMO-A2-km40";
    private static final PrintStream OUT = System.out;

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        // the components log their own progress; the demo tells the story instead
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help"))) {
            OUT.print(DemoOptions.USAGE);
            return;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.err.print(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        Path dir = options.keep() != null ? Files.createDirectories(options.keep()) : Files.createTempDirectory("anpr-demo");
        try {
            System.exit(run(options, dir).ok() ? 0 : 1);
        } finally {
            if (options.keep() == null) {
                deleteTree(dir);
            }
        }
    }

    /** What a run showed; {@link #ok()} when every read the gantry made reached the centre. */
    record Outcome(int vehicles, int readsSent, long readsStored, long exact, long edgeAlerts, boolean delivered, int boardAlerts) {
        boolean ok() {
            return delivered && readsSent > 0 && readsStored == readsSent;
        }
    }

    static Outcome run(DemoOptions options, Path dir) throws Exception {
        long started = System.nanoTime();
        SyntheticTrafficConfig traffic = SyntheticTrafficConfig.defaults("cam-1")
                .withScene(SceneSpec.builder().size(1280, 720).seed(options.seed()).build())
                .withRate(options.fps(), 6, 2)
                .withVehicles(options.vehicles());
        String wanted = SyntheticTrafficSource.plateOf(traffic, options.vehicles() * 2 / 3);
        char[] password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12)).toCharArray();

        OUT.println("ANPR demo: " + options.vehicles() + " synthetic vehicles past gantry " + GANTRY + " (data in " + dir + ")");
        String operatorPassword = "demo-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        try (DemoCentre centre = DemoCentre.start(dir.resolve("centre"), GANTRY, password, options.consolePort(), operatorPassword)) {
            long version = centre.wanted(wanted);
            OUT.printf("[centre] MQTT endpoint on 127.0.0.1:%d, SQLite store; %s put on the national hotlist (v%d)%n",
                    centre.port(), wanted, version);
            OUT.printf("[centre] operators' console at %s: sign in as demo-dispatcher, demo-investigator, demo-hotlist,%n"
                    + "         demo-admin, demo-auditor or demo-viewer, password %s%n", centre.consoleUrl(), operatorPassword);

            AgentConfig config = AgentConfigLoader.parse(agentYaml(dir.resolve("gantry"), centre.port(), password));
            try (EdgeAgent agent = EdgeAgent.start(config, HealthProbe.UNKNOWN);
                 PlateRecognizer recognizer = new PlateRecognizer(RecognizerConfig.builder()
                         .workerThreads(Runtime.getRuntime().availableProcessors()).build())) {
                long t0 = System.nanoTime();
                if (!waitFor(() -> agent.hotlist().version() >= version, Duration.ofSeconds(15))) {
                    OUT.println("[gantry] the hotlist did not arrive from the centre within 15 s");
                    return new Outcome(options.vehicles(), 0, 0, 0, 0, false, 0);
                }
                OUT.printf("[gantry] connected; hotlist v%d received from the centre in %d ms%n",
                        agent.hotlist().version(), (System.nanoTime() - t0) / 1_000_000);

                SyntheticTrafficSource camera = new SyntheticTrafficSource(traffic, DeviceClock.system());
                PlateReadMapper mapper = new PlateReadMapper(GANTRY, "anpr-ocr/0.1.0",
                        () -> new PlateReadMapper.ClockQuality(ClockSync.CLOCK_SYNC_UNKNOWN, 0));
                PipelineReadSource recognised = new PipelineReadSource(mapper, listener ->
                        new FramePipeline(recognizer, PipelineConfig.defaults(), listener).addSource(camera, 1));
                TeeReadSource reads = new TeeReadSource(recognised);
                agent.attach(reads);
                FramePipeline pipeline = recognised.pipeline();
                OUT.println("[gantry] camera running at " + options.fps() + " fps; recognising...");
                progressUntil(() -> camera.truths().size() >= options.vehicles() && pipeline.snapshot().queueDepth() == 0,
                        () -> String.format("  vehicles %d/%d  frames %d  reads %d", camera.truths().size(),
                                options.vehicles(), pipeline.snapshot().framesIn(), reads.reads().size()));
                pipeline.drain(Duration.ofSeconds(60));
                boolean delivered = waitFor(() -> agent.outbox().stats().items() == 0
                        && centre.receiver().store().countReads() >= reads.reads().size(), Duration.ofSeconds(30));

                DemoReport report = new DemoReport(camera.truths(), reads.reads(), wanted, centre.receiver().store());
                report.printTable(OUT);
                printSummary(report, pipeline.snapshot(), centre, agent, reads, delivered, started);
                List<String> board = centre.alertBoard(operatorPassword);
                OUT.println("\n  on the console's alert board (" + centre.consoleUrl() + "#/alerts): "
                        + (board.isEmpty() ? "no open alert" : String.join("; ", board)));
                reads.close();
                if (options.serve()) {
                    serveUntilInterrupted(centre, operatorPassword);
                }
                return new Outcome(options.vehicles(), reads.reads().size(), centre.receiver().store().countReads(),
                        report.exact(), centre.receiver().store().countAlerts(AlertSource.EDGE), delivered, board.size());
            }
        }
    }

    private static void printSummary(DemoReport report, PipelineSnapshot snap, DemoCentre centre, EdgeAgent agent,
                                     TeeReadSource reads, boolean delivered, long started) throws Exception {
        int n = report.rows().size();
        LatencySnapshot recognition = snap.latencies().get("recognition");
        OUT.println();
        OUT.printf(Locale.ROOT, "  plates read exactly      %d of %d vehicles%s%n", report.exact(), n,
                report.spurious() > 0 ? " (" + report.spurious() + " extra read(s) not matched to a vehicle)" : "");
        OUT.printf(Locale.ROOT, "  frames                   %d in, %d recognised, %d dropped under load%n",
                snap.framesIn(), snap.framesRecognised(), snap.framesDropped());
        if (recognition != null) {
            OUT.printf(Locale.ROOT, "  recognition per frame    p50 %.1f ms, p90 %.1f ms%n", recognition.p50Millis(), recognition.p90Millis());
        }
        OUT.printf(Locale.ROOT, "  reads at the centre      %d of %d sent (%s)%n", centre.receiver().store().countReads(),
                reads.reads().size(), delivered ? "outbox drained, all acknowledged after commit" : "NOT all delivered");
        OUT.printf(Locale.ROOT, "  hotlist alerts           %d raised by the gantry, %d by the centre's second check%n",
                centre.receiver().store().countAlerts(AlertSource.EDGE), centre.receiver().store().countAlerts(AlertSource.CENTRAL));
        OUT.printf(Locale.ROOT, "  done in                  %.1f s%n", (System.nanoTime() - started) / 1e9);
        report.wantedRow().filter(r -> r.read() != null).ifPresent(r -> {
            OUT.println("\n  the hotlist vehicle's read as the centre received it (JSON, images left out):");
            OUT.println("  " + JsonRendering.toJson(r.read(), false));
        });
    }

    /** Keeps the centre (and the gantry, still connected) up for the console until Ctrl-C. */
    private static void serveUntilInterrupted(DemoCentre centre, String operatorPassword) throws InterruptedException {
        OUT.printf("%n  the console stays open at %s (demo-dispatcher / %s); Ctrl-C to stop%n", centre.consoleUrl(), operatorPassword);
        java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "demo-stop"));
        stop.await();
    }

    private static String agentYaml(Path dir, int port, char[] password) {
        return """
                gantry: { id: %s }
                storage: { dir: "%s" }
                cameras: [ { id: cam-1, lane: 1, source: "synthetic" } ]
                mqtt: { serverUri: "tcp://127.0.0.1:%d", username: %s, password: "%s", heartbeatSeconds: 2 }
                """.formatted(GANTRY, dir.toString().replace("\\", "/"), port, GANTRY, new String(password));
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static boolean waitFor(Check check, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Rewrites one status line on the terminal until {@code done}. */
    private static void progressUntil(Check done, java.util.function.Supplier<String> line) throws Exception {
        boolean tty = System.console() != null;
        String last = "";
        while (!done.ok()) {
            String now = line.get();
            if (tty) {
                System.err.print("\r" + now + "   ");
            } else if (!now.equals(last)) {
                last = now;
            }
            Thread.sleep(200);
        }
        if (tty) {
            System.err.print("\r" + line.get() + "   \n");
        } else {
            OUT.println(line.get());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
