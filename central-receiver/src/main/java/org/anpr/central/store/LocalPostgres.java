package org.anpr.central.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.anpr.central.config.StoreConfig;

/**
 * A private PostgreSQL cluster in a directory of its own, for tests and benchmarks on one
 * machine (not for production, where the centre connects to a managed server):
 * {@code initdb} in {@code dir/data} unless it is there already (a kept cluster is started
 * again), {@code pg_ctl start} on a free loopback port with its Unix socket in {@code dir}.
 * Binaries from Debian's {@code postgresql} package ({@code /usr/lib/postgresql/<version>/bin},
 * the newest). PostgreSQL refuses to run as root, so as root the commands run as the
 * {@code postgres} OS user ({@code runuser}), which then owns {@code dir}. The superuser
 * {@code postgres} connects without password (trust, loopback only).
 */
public final class LocalPostgres implements AutoCloseable {
    private static final Path VERSIONS = Path.of("/usr/lib/postgresql");

    private final Path dir;
    private final String settings;
    private final Path bin;
    private int port;
    private boolean started;

    /** @param settings extra server options ({@code -c name=value ...}), or empty for the defaults */
    public LocalPostgres(Path dir, String settings) throws IOException {
        this.dir = dir;
        this.settings = settings;
        this.bin = binaries();
    }

    /** Makes the cluster when new, and starts it. */
    public void start() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        }
        Path data = dir.resolve("data");
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "--no-sync",
                    "-E", "UTF8", "--locale=C"), true);
        }
        for (int attempt = 1; ; attempt++) {
            port = freePort(); // another process may take it first: then try another port
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w",
                        "-t", "120", "-o", ("-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 " + settings).trim(), "start"),
                        true);
                started = true;
                return;
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The database {@code name}, created when missing. */
    public StoreConfig.PostgresConfig database(String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name: lower-case letters, digits and _, was " + name);
        }
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        }
        return new StoreConfig.PostgresConfig(url(name), "postgres", "");
    }

    /** The server's major version, e.g. {@code 15}. */
    public String version() {
        return bin.getParent().getFileName().toString();
    }

    public int port() {
        return port;
    }

    /** Stops the server ({@code immediate}: without a shutdown checkpoint, as for a cluster about to be deleted). */
    public void stop(boolean immediate) throws IOException, InterruptedException {
        if (!started) {
            return;
        }
        started = false;
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", immediate ? "immediate" : "fast",
                "-w", "-t", "120", "stop"), true);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop(false);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static Path binaries() throws IOException {
        if (Files.isDirectory(VERSIONS)) {
            try (Stream<Path> versions = Files.list(VERSIONS)) {
                List<Path> found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .sorted(Comparator.comparing(LocalPostgres::versionOf)).toList();
                if (!found.isEmpty()) {
                    return found.get(found.size() - 1);
                }
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found under " + VERSIONS
                + ": install Debian's postgresql package (./anpr setup, or apt-get install postgresql)");
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres && isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path out = Files.createTempFile("anpr-pg-cmd", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", full));
            }
            if (p.exitValue() != 0) {
                Path log = dir.resolve("log");
                throw new IllegalStateException(String.join(" ", full) + " exited with " + p.exitValue() + ":\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : ""));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
