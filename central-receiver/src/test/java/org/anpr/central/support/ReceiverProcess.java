package org.anpr.central.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anpr.central.ReceiverMain;

/**
 * The receiver as a real child JVM ({@code ReceiverMain --config FILE}) on this test's class path.
 * Its port comes from the start-up line it prints ({@code anpr receiver: MQTT on HOST:PORT, ...});
 * its log goes to a file beside the configuration.
 */
public final class ReceiverProcess implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("anpr receiver: MQTT on [^ ]+:(\\d+)");

    private final Process process;
    private final int port;

    private ReceiverProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the receiver and waits (at most 30 s) until it listens. */
    public static ReceiverProcess start(Path config, Path log) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ReceiverMain.class.getName(), "--config", config.toString()));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the receiver exited before listening; log: " + log));
        }, "receiver-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ReceiverProcess(p, port.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("receiver did not start: " + e.getMessage() + " (log: " + log + ")", e);
        }
    }

    public int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook, no close, no checkpoint. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook closes connections, drains the writer and closes the files. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
