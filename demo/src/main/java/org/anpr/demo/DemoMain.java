package org.anpr.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.anpr.demo.ledger.DemoTally;
import org.anpr.demo.network.DemoGantry;

/**
 * {@code ./anpr demo}: a section-controlled motorway and its control room on this machine (see
 * {@link MotorwayDemo}). Prints the console's address and a demo login, one live summary line
 * while it runs, and a final table when it stops (Ctrl-C or {@code --minutes}).
 */
public final class DemoMain {
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
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                done.await(60, TimeUnit.SECONDS); // let the main thread stop everything in order and print the table
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int code;
        try {
            code = run(options, dir, stop) ? 0 : 1;
        } finally {
            if (options.keep() == null) {
                deleteTree(dir);
            }
            done.countDown();
        }
        if (stop.getCount() > 0) { // not stopped by a signal: the hook is not needed
            Runtime.getRuntime().removeShutdownHook(hook);
            System.exit(code);
        }
    }

    /** Runs until {@code stop} or the configured minutes; true when every read made reached the centre. */
    static boolean run(DemoOptions options, Path dir, CountDownLatch stop) throws Exception {
        long started = System.nanoTime();
        OUT.println("ANPR demo: the E40 speed section (km 16.2 -> km 20.2) and the Leuven N2 city entrance, with their centre"
                + (options.keep() != null ? " (data in " + dir + ")" : ""));
        try (MotorwayDemo demo = MotorwayDemo.start(options, dir, step -> OUT.println("  " + step + "..."))) {
            DemoCentre centre = demo.centre();
            OUT.printf("[centre] MQTT on 127.0.0.1:%d; SQLite store; routes section %s; %d wanted plates on the national hotlist%n",
                    centre.port(), demo.network().section().id(), centre.receiver().hotlist().size());
            for (DemoGantry g : demo.gantries()) {
                OUT.printf("[gantry] %-13s %d cameras, %s%n", g.id(), g.cameras().size(), role(demo, g));
            }
            if (options.console()) {
                OUT.printf("%n  operators' console: %s  sign in as %s (or demo-investigator, demo-hotlist, demo-admin,%n"
                        + "  demo-auditor, demo-viewer), password %s%n%n", centre.consoleUrl(), MotorwayDemo.DISPATCHER, demo.operatorPassword());
            }
            OUT.println(options.minutes() > 0 ? "  traffic for " + options.minutes() + " minute(s); Ctrl-C stops earlier"
                    : "  traffic until Ctrl-C");
            DemoSummary summary = new DemoSummary(demo);
            boolean tty = System.console() != null;
            long deadline = options.minutes() > 0 ? started + TimeUnit.MINUTES.toNanos(options.minutes()) : Long.MAX_VALUE;
            long lastPrinted = 0;
            while (!stop.await(tty ? 1 : 2, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
                if (demo.traffic().failure() != null) {
                    throw demo.traffic().failure();
                }
                long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
                String line = summary.liveLine(elapsed);
                if (tty) {
                    System.err.print("\r" + line);
                } else if (elapsed - lastPrinted >= 10) { // a log, not a terminal: a line every 10 s
                    OUT.println(line);
                    lastPrinted = elapsed;
                }
            }
            if (tty) {
                System.err.println();
            }
            OUT.println("  stopping: no new vehicles; capture stops, the outboxes drain...");
            DemoTally tally = demo.finish(Duration.ZERO, Duration.ofSeconds(30));
            summary.printFinal(OUT, tally, (System.nanoTime() - started) / 1e9);
            return demo.backlog() == 0;
        }
    }

    private static String role(MotorwayDemo demo, DemoGantry g) {
        var s = demo.network().section();
        if (g.id().equals(s.entryGantryId())) {
            return "entry of the section (passages to the exit through the centre)";
        }
        if (g.id().equals(s.exitGantryId())) {
            return "exit of the section (times each vehicle, signs violations)";
        }
        return "city entrance (hotlist checks)";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
