package org.anpr.edge;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.anpr.device.coap.server.ManagementServer;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.config.ConfigFile;

/**
 * {@code ./anpr agent --config gantry.yaml}: the standalone edge agent. Opens the cameras first
 * (a camera that cannot be opened stops the start with its id and the reason), then the agent
 * (stores, MQTT), then starts capture. On SIGTERM/Ctrl-C capture stops, queued frames finish and
 * open passages are emitted into the outbox before the agent closes. A status line every
 * {@code --status-every} seconds says what it does; recorded sources say when they finish, and with
 * {@code --drain-and-exit} the agent exits once everything it read is acknowledged by the centre.
 */
public final class AgentMain {
    private static final String USAGE = """
            Usage: ./anpr agent --config gantry.yaml [--status-every SECONDS] [--drain-and-exit]
                   ./anpr agent hotlist import FILE.csv --config gantry.yaml
                                  (a hotlist CSV applied to this gantry's own list, with the agent stopped;
                                   every bad line named, nothing applied unless all are valid)
                   ./anpr agent signing-key FILE --gantry GANTRY-ID
                                  (a new Ed25519 key signing this gantry's violations into FILE, mode 600, for
                                   sectionRules.signingKeyFile; prints the line for the centre's sections.signingKeysFile)
            Runs the gantry edge agent: cameras -> recognition -> hotlist -> section timing -> outbox -> MQTT.
            The file's keys and defaults are in edge-agent/README.md; every error names its field.

              --status-every N   a one-line status (frames/s, reads, alerts, backlog, link) every N s
                                 (default 10; 0: none)
              --drain-and-exit   for recorded sources (image folders, video files): once every camera
                                 has finished and the centre has acknowledged everything, exit 0 —
                                 a recorded folder processed as a batch job

            Exit status: 0 after Ctrl-C or a finished drain, 2 on bad arguments or configuration,
            1 when it cannot start (a store that cannot be opened, a port in use).
            """;

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** Runs the agent; returns the exit status, or -1 when it runs until the process is stopped. */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.print(USAGE);
            return 0;
        }
        if (args.length > 0 && args[0].equals("hotlist")) {
            return org.anpr.edge.hotlist.HotlistImport.run(args, out, err);
        }
        if (args.length > 0 && args[0].equals("signing-key")) {
            return org.anpr.edge.section.SigningKeyCommand.run(args, out, err);
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("anpr agent: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        AgentConfig config;
        AgentRuntime runtime;
        try {
            config = AgentConfigLoader.load(o.config());
            runtime = AgentRuntime.start(config, new ConfigFile(o.config()));
        } catch (ConfigException e) {
            err.println("anpr agent: " + o.config() + ": " + e.getMessage());
            return 2;
        } catch (java.sql.SQLException | java.io.IOException e) {
            // an expected condition (a store that cannot be opened, a port in use): its message, no stack trace
            err.println("anpr agent: cannot start: " + e.getMessage());
            return 1;
        }
        if (o.drainAndExit() && !runtime.finite()) {
            runtime.close();
            err.println("anpr agent: --drain-and-exit needs cameras that end by themselves (image folders, video files,"
                    + " synthetic traffic with a vehicle count); these run until stopped");
            return 2;
        }
        ManagementServer management = runtime.management();
        out.println("anpr agent: gantry " + config.gantryId() + " running with " + config.cameras().size()
                + " camera(s), region " + config.recognition().region().code() + ", "
                + config.recognition().workers() + " recognition worker(s); outbox " + config.outboxFile()
                + (management == null ? "" : "; management on coaps://" + management.address()));
        AgentStatus status = new AgentStatus(runtime, out);
        if (o.statusEverySeconds() > 0) {
            status.every(Duration.ofSeconds(o.statusEverySeconds()));
        }
        if (o.drainAndExit()) {
            try {
                runtime.awaitSourcesEnd();
                out.println("anpr agent: source finished: " + status.line());
                runtime.awaitDrained();
                out.println("anpr agent: outbox drained, everything acknowledged by the centre; exiting");
                return 0;
            } finally {
                status.close();
                runtime.close();
                out.println("anpr agent: stopped");
            }
        }
        if (runtime.finite()) {
            Thread finished = new Thread(() -> {
                try {
                    runtime.awaitSourcesEnd();
                    out.println("anpr agent: source finished: " + status.line() + " (still running: Ctrl-C to stop,"
                            + " or --drain-and-exit next time)");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "source-end");
            finished.setDaemon(true);
            finished.start();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            status.close();
            try {
                runtime.close();
            } catch (RuntimeException e) {
                err.println("anpr agent: close failed: " + e);
            }
            out.println("anpr agent: stopped");
            stopped.countDown();
        }, "agent-shutdown"));
        stopped.await();
        return -1;
    }

    /** The command line. */
    record Options(Path config, int statusEverySeconds, boolean drainAndExit) {
        static Options parse(String[] args) {
            Path config = null;
            int every = 10;
            boolean drain = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--config" -> config = Path.of(value(args, ++i, "--config"));
                    case "--status-every" -> {
                        String v = value(args, ++i, "--status-every");
                        try {
                            every = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            every = -1;
                        }
                        if (every < 0) {
                            throw new IllegalArgumentException("--status-every: seconds, 0 or more, was '" + v + "'");
                        }
                    }
                    case "--drain-and-exit" -> drain = true;
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (config == null) {
                throw new IllegalArgumentException("--config gantry.yaml is required");
            }
            return new Options(config, every, drain);
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + ": needs a value");
            }
            return args[i];
        }
    }
}
