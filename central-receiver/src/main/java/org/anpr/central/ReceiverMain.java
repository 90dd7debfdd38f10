package org.anpr.central;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.anpr.central.api.AddOperatorCommand;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.config.ConfigException;
import org.anpr.central.config.ConfigLoader;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.protocol.secrets.SecretFile;
import org.anpr.protocol.topic.GantryId;

/** {@code ./anpr receiver [--config FILE]}, {@code ./anpr receiver hash-password GANTRY}. */
public final class ReceiverMain {
    static final String USAGE = """
            Usage: ./anpr receiver [--config FILE]
                   ./anpr receiver hash-password GANTRY-ID   (password on stdin; prints a credentials line)
                   ./anpr receiver hash-password GANTRY-ID --generate SECRET-FILE
                                                             (a new 256-bit machine secret into SECRET-FILE, mode 600, for the
                                                              gantry's mqtt.password; prints its credentials line, checked in
                                                              microseconds instead of PBKDF2's ~0.3 s: reconnect storms hold)
                   ./anpr receiver hotlist import FILE.csv [--config FILE]
                                                             (the console's hotlist CSV, applied as one new version;
                                                              every bad line named, nothing applied unless all are valid;
                                                              run it with the receiver stopped)
                   ./anpr receiver add-operator NAME --role ROLE [--config FILE]
                                                             (password from the terminal or stdin; roles: viewer,
                                                              dispatcher, investigator, hotlist-manager, admin, auditor)

            Runs the central receiver: the MQTT endpoint gantries report to (a PUBACK means the
            message is durably stored), the read store, the central hotlist and section routing,
            and the operators' HTTP API on port 8080 (JSON under /api/v1, described at /api/v1/openapi.json).

            Without --config it runs on embedded defaults: SQLite under ./data, MQTT on port 1883,
            gantry credentials from ./data/credentials (gantry-id:pbkdf2-sha256$... lines; without
            that file nobody can connect). A YAML file overrides any default, e.g.

              mqtt:      { host: 0.0.0.0, port: 1883, maxMessageBytes: 4259840, maxInflightPerClient: 32, maxKeepAliveSeconds: 300 }
              tls:       { enabled: true, port: 8883, keyStore: server.p12, keyStorePassword: ..., trustStore: gantry-ca.p12,
                           trustStorePassword: ..., clientAuth: optional, plaintext: false }
              auth:      { credentialsFile: /etc/anpr/credentials }
              store:     { type: sqlite, directory: /var/lib/anpr, maxBatch: 1000, highWaterMark: 5000, lowWaterMark: 1000 }
              store:     { type: postgresql, postgresql: { url: "jdbc:postgresql://db:5432/anpr", user: anpr, password: ... } }
              hotlist:   { deltaHistoryVersions: 1000, maxEntriesPerChunk: 10000 }
              http:      { enabled: true, host: 0.0.0.0, port: 8080, tls: false, maxBodyBytes: 65536, maxUploadBytes: 16777216,
                           idleTimeout: 60s, requestTimeout: 15s, maxConnections: 1000, workerThreads: 4, queuedRequests: 200, workerNice: 10,
                           sessionIdle: 30m, sessionMaxAge: 12h, maxSessions: 10000, gantriesFile: gantries.yaml }
              retention: { reads: 365d, alerts: 730d, violations: 1095d, rejected: 30d, interval: 1h }

            Exit status: 0 after a clean shutdown (Ctrl-C), 2 on bad arguments or configuration,
            1 when it cannot start (unreadable credentials file, store, port in use).
            """;

    /** Exit status when the store writer died of an {@link Error}: the process cannot store or acknowledge anything more. */
    static final int WRITER_DIED = 70;

    private ReceiverMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(USAGE);
            return 0;
        }
        if (args.length > 0 && args[0].equals("hash-password")) {
            return hashPassword(args, out, err);
        }
        if (args.length > 0 && args[0].equals("add-operator")) {
            return addOperator(args, out, err);
        }
        if (args.length > 0 && args[0].equals("hotlist")) {
            return hotlist(args, out, err);
        }
        ReceiverConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("anpr receiver: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (ConfigException e) {
            err.println("anpr receiver: " + e.getMessage());
            return 2;
        }
        Receiver receiver;
        int port;
        try {
            receiver = new Receiver(config);
            receiver.writer().onDeath(fatal -> {
                err.println("anpr receiver: the store writer died (" + fatal + "); exiting with status " + WRITER_DIED
                        + " so that a supervisor restarts the receiver (unacknowledged messages are redelivered)");
                new Thread(() -> System.exit(WRITER_DIED), "exit").start(); // not on the writer thread: close() joins it
            });
            port = receiver.start();
        } catch (Exception e) {
            err.println("anpr receiver: cannot start: " + e.getMessage());
            return 1;
        }
        // through the log, so that they carry a time and a level like every other line
        startupWarnings(config).forEach(w -> org.slf4j.LoggerFactory.getLogger(ReceiverMain.class).warn(w));
        out.println("anpr receiver: MQTT on " + config.mqtt().host() + ":" + (port < 0 ? "-" : port)
                + (config.tls().enabled() ? ", MQTT over TLS on port " + receiver.tlsPort() : "")
                + (receiver.httpPort() > 0 ? ", operators' API on http" + (config.http().tls() ? "s" : "") + "://"
                        + config.http().host() + ":" + receiver.httpPort() + "/api/v1" : "")
                + ", store in " + config.store().describe());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            receiver.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    static ReceiverConfig parse(String[] args) throws ConfigException {
        if (args.length == 0) {
            return ConfigLoader.validate(ReceiverConfig.DEFAULTS);
        }
        if (args.length == 2 && args[0].equals("--config")) {
            Path file = Path.of(args[1]);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--config: no such file: " + file);
            }
            return ConfigLoader.load(file);
        }
        throw new IllegalArgumentException("unexpected arguments: " + String.join(" ", args));
    }

    /** A subcommand's configuration from its trailing {@code [--config FILE]}; null, after saying why, when it has none valid. */
    private static ReceiverConfig subcommandConfig(String[] tail, String command, PrintStream err) {
        try {
            return parse(tail);
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("anpr receiver " + command + ": " + e.getMessage());
            return null;
        }
    }

    private static int addOperator(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 4 && args.length != 6 || !args[2].equals("--role")) {
            err.println("anpr receiver add-operator: usage: add-operator NAME --role ROLE [--config FILE]");
            return 2;
        }
        ReceiverConfig config = subcommandConfig(Arrays.copyOfRange(args, 4, args.length), "add-operator", err);
        return config == null ? 2 : AddOperatorCommand.run(args[1], args[3], config, System.in, out, err);
    }

    /** What an operator must hear at start: nobody can connect, or passwords would cross a network in clear. */
    static List<String> startupWarnings(ReceiverConfig config) {
        List<String> warnings = new ArrayList<>();
        Path credentials = config.auth().credentialsFile();
        if (!Files.exists(credentials)) {
            warnings.add("no credentials file at " + credentials + ": no gantry can connect (unless by a client certificate). "
                    + "Add a gantry with: mkdir -p " + (credentials.getParent() == null ? "." : credentials.getParent())
                    + " && ./anpr receiver hash-password GANTRY-ID"
                    + " --generate GANTRY-ID.secret >> " + credentials);
        }
        if (config.tls().plaintext() && !isLoopback(config.mqtt().host())) {
            warnings.add("MQTT without TLS on " + config.mqtt().host() + ":" + config.mqtt().port()
                    + ", not a loopback address: gantry passwords and reads cross the network in clear "
                    + "(enable tls and set tls.plaintext: false)");
        }
        if (config.http().enabled() && !config.http().tls() && !isLoopback(config.http().host())) {
            warnings.add("the operators' API without TLS on " + config.http().host() + ":" + config.http().port()
                    + ", not a loopback address: logins and searches cross the network in clear (set http.tls: true)");
        }
        return warnings;
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** {@code hotlist import FILE.csv [--config FILE]}. */
    private static int hotlist(String[] args, PrintStream out, PrintStream err) {
        if ((args.length != 3 && args.length != 5) || !args[1].equals("import") || (args.length == 5 && !args[3].equals("--config"))) {
            err.println("anpr receiver hotlist: usage: hotlist import FILE.csv [--config FILE]");
            return 2;
        }
        ReceiverConfig config = subcommandConfig(Arrays.copyOfRange(args, 3, args.length), "hotlist import", err);
        return config == null ? 2 : org.anpr.central.api.HotlistImportCommand.run(Path.of(args[2]), config, out, err);
    }

    private static int hashPassword(String[] args, PrintStream out, PrintStream err) throws Exception {
        boolean generate = args.length == 4 && args[2].equals("--generate");
        if ((args.length != 2 && !generate) || !GantryId.isValid(args[1])) {
            err.println("anpr receiver hash-password: " + (args.length != 2 && !generate
                    ? "needs GANTRY-ID, optionally followed by --generate SECRET-FILE" : GantryId.problemWith(args[1])));
            return 2;
        }
        if (generate) {
            return generateSecret(args[1], Path.of(args[3]), out, err);
        }
        Console console = System.console();
        char[] password = console != null ? console.readPassword("password for %s: ", args[1])
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine().toCharArray();
        if (password == null || password.length == 0) {
            err.println("anpr receiver hash-password: empty password");
            return 2;
        }
        out.println(args[1] + ":" + PasswordHasher.hash(password));
        return 0;
    }

    /** Writes a new machine secret to {@code file} (created, owner-only from the first byte) and prints its credentials line. */
    private static int generateSecret(String gantry, Path file, PrintStream out, PrintStream err) {
        char[] secret = PasswordHasher.generateSecret();
        try {
            SecretFile.write(file, (new String(secret) + "\n").getBytes(StandardCharsets.UTF_8), SecretFile.PRIVATE, false);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            err.println("anpr receiver hash-password: " + file + " exists; not overwritten (a secret in use would be lost)");
            return 2;
        } catch (java.io.IOException | UnsupportedOperationException e) {
            err.println("anpr receiver hash-password: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println(gantry + ":" + PasswordHasher.hashSecret(secret));
        Arrays.fill(secret, '\0');
        return 0;
    }
}
