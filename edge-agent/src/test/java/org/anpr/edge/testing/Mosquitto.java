package org.anpr.edge.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A real mosquitto broker on an ephemeral loopback port, with its own config, for one test. */
public final class Mosquitto implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Path passwordFile;
    private final String tlsLines;
    private Process process;

    private Mosquitto(Path dir, int port, Path passwordFile, String tlsLines) {
        this.dir = dir;
        this.port = port;
        this.passwordFile = passwordFile;
        this.tlsLines = tlsLines;
    }

    /** Anonymous access allowed. */
    public static Mosquitto start(Path dir) throws IOException, InterruptedException {
        Mosquitto m = new Mosquitto(dir, freePort(), null, "");
        m.startProcess();
        return m;
    }

    /** TLS listener that requires a client certificate signed by {@code ca}. */
    public static Mosquitto startWithTls(Path dir, Path ca, Path cert, Path key) throws IOException, InterruptedException {
        String tls = "cafile " + ca + "\ncertfile " + cert + "\nkeyfile " + key + "\nrequire_certificate true\n";
        Mosquitto m = new Mosquitto(dir, freePort(), null, tls);
        m.startProcess();
        return m;
    }

    /** Only {@code user}/{@code password} may connect (file made with mosquitto_passwd). */
    public static Mosquitto startWithPassword(Path dir, String user, String password) throws IOException, InterruptedException {
        Path file = dir.resolve("passwords");
        Process p = new ProcessBuilder("mosquitto_passwd", "-b", "-c", file.toString(), user, password).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("mosquitto_passwd failed: " + new String(p.getInputStream().readAllBytes()));
        }
        Mosquitto m = new Mosquitto(dir, freePort(), file, "");
        m.startProcess();
        return m;
    }

    public int port() {
        return port;
    }

    public String uri() {
        return (tlsLines.isEmpty() ? "tcp" : "ssl") + "://127.0.0.1:" + port;
    }

    /** (Re)starts the broker on the same port; persistence keeps durable sessions across restarts. */
    public synchronized void startProcess() throws IOException, InterruptedException {
        Path conf = dir.resolve("mosquitto.conf");
        Path data = Files.createDirectories(dir.resolve("data"));
        String text = "listener " + port + " 127.0.0.1\n" + tlsLines
                + (passwordFile == null ? "allow_anonymous true\n" : "allow_anonymous false\npassword_file " + passwordFile + "\n")
                + "persistence true\npersistence_location " + data + "/\n"
                + "user root\n" // running as root in CI: do not drop to a user that cannot write the temp dir
                + "max_queued_messages 100000\n"
                + "log_dest file " + dir.resolve("mosquitto.log") + "\n";
        Files.writeString(conf, text);
        process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("mosquitto exited: " + Files.readString(dir.resolve("mosquitto.out")));
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not open port " + port);
    }

    /** Stops the broker gracefully (it saves its persistent sessions). */
    public synchronized void stopProcess() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        try {
            stopProcess();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
