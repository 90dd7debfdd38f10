package org.anpr.edge.capture.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real RTSP camera on loopback: GStreamer's RTSP server (src/test/resources/rtsp/rtsp_test_server.py)
 * serving {@code /h264}, {@code /mjpeg} and {@code /h264-5fps} (which reports when it sent each frame),
 * run by Debian's python3 with the packages of tools/system-packages.txt. Can be frozen (SIGSTOP, a
 * camera that hangs with its TCP connections open), killed and restarted on the same port.
 */
final class RtspTestServer implements AutoCloseable {
    private static final String PYTHON = "/usr/bin/python3"; // Debian's: the GObject bindings are Debian packages
    private static final String PACKAGES = "python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-rtsp "
            + "gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly";

    private final Path dir;
    private final Path script;
    private final int port;
    private final boolean auth;
    private final List<Long> sent = new CopyOnWriteArrayList<>();
    private Process process;

    private RtspTestServer(Path dir, boolean auth) throws IOException {
        this.dir = dir;
        this.auth = auth;
        this.script = dir.resolve("rtsp_test_server.py");
        try (InputStream in = RtspTestServer.class.getResourceAsStream("/rtsp/rtsp_test_server.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
    }

    /** Started and listening; with {@code auth} every request needs Basic {@code user:secret}. */
    static RtspTestServer start(Path dir, boolean auth) throws IOException, InterruptedException {
        RtspTestServer s = new RtspTestServer(Files.createDirectories(dir), auth);
        s.startProcess();
        return s;
    }

    int port() {
        return port;
    }

    String url(String mount) {
        return "rtsp://127.0.0.1:" + port + mount;
    }

    /** When /h264-5fps handed each frame to its RTP payloader, in {@link System#nanoTime()} (CLOCK_MONOTONIC). */
    List<Long> sentNanos() {
        return sent;
    }

    /** (Re)starts the server on its port and waits until it listens. */
    synchronized void startProcess() throws IOException, InterruptedException {
        ProcessBuilder pb = auth ? new ProcessBuilder(PYTHON, script.toString(), Integer.toString(port), "--auth")
                : new ProcessBuilder(PYTHON, script.toString(), Integer.toString(port));
        Path log = dir.resolve("server-" + port + ".log");
        process = pb.redirectError(log.toFile()).start();
        CountDownLatch ready = new CountDownLatch(1);
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("ready")) {
                        ready.countDown();
                    } else if (line.startsWith("sent ")) {
                        sent.add(Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)));
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "rtsp-test-server-out");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!ready.await(50, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("the RTSP test server did not start (needs Debian packages: " + PACKAGES
                        + ", see tools/system-packages.txt): " + Files.readString(log));
            }
        }
    }

    /** SIGKILL: the kernel closes its sockets, the client sees the connection end. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    /** SIGSTOP: connections stay open, nothing is sent or answered (a hung camera, a cut cable). */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process k = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (!k.waitFor(5, TimeUnit.SECONDS) || k.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroyForcibly(); // SIGKILL: ends a frozen (SIGSTOPped) process too
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
