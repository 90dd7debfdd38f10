package org.anpr.edge.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.stream.ReconnectingStreamSource;
import org.anpr.edge.capture.stream.StreamConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP multipart MJPEG against a real JDK HTTP server on loopback: a well-behaved camera, one
 * without Content-Length, one that drops the connection and one that stalls.
 */
class MjpegHttpSourceTest {
    private static final byte[][] JPEGS = {TestImages.jpeg(64, 48, 40), TestImages.jpeg(64, 48, 120),
            TestImages.jpeg(64, 48, 200)};

    private HttpServer server;
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    /** What a connection does after its Content-Type header. */
    private interface Behaviour {
        void serve(OutputStream out, int connection) throws IOException, InterruptedException;
    }

    private String serve(String boundaryParam, Behaviour behaviour) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-mjpeg-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/video", (HttpExchange ex) -> {
            int n = connections.incrementAndGet();
            ex.getResponseHeaders().add("Content-Type", "multipart/x-mixed-replace; boundary=" + boundaryParam);
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                behaviour.serve(out, n);
            } catch (IOException | InterruptedException e) {
                // client went away
            } finally {
                ex.close();
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/video";
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private static void part(OutputStream out, byte[] jpeg, boolean withLength) throws IOException {
        String head = "--frame\r\nContent-Type: image/jpeg\r\n" + (withLength ? "Content-Length: " + jpeg.length + "\r\n" : "")
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(jpeg);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static StreamConfig config(String url) {
        return StreamConfig.of("cam-http", url).withStallTimeout(Duration.ofMillis(400))
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100));
    }

    @Test
    void framesArriveIntactWithAndWithoutContentLength() throws Exception {
        String url = serve("frame", (out, n) -> {
            for (int i = 0; i < 3; i++) {
                part(out, JPEGS[i], i != 1); // the middle part has no Content-Length
            }
            release.await(5, TimeUnit.SECONDS);
        });
        try (ReconnectingStreamSource s = ReconnectingStreamSource.open(config(url), DeviceClock.system())) {
            for (int i = 0; i < 2; i++) { // the third part is only delimited when a fourth starts or the stream ends
                Frame f = s.next();
                assertNotNull(f);
                assertArrayEquals(JPEGS[i], f.encoded(), "part " + i);
                assertEquals("cam-http", f.cameraId());
                assertEquals(i, f.sequence());
            }
            assertEquals(1, s.stats().connects());
            assertEquals(0, s.stats().reconnects());
        }
    }

    @Test
    void droppedConnectionIsReconnectedAndCounted() throws Exception {
        String url = serve("\"--frame\"", (out, n) -> { // quoted boundary with leading dashes: seen in the field
            for (int i = 0; i < 2; i++) {
                part(out, JPEGS[i], true);
            }
            // return: the server closes the connection
        });
        try (ReconnectingStreamSource s = ReconnectingStreamSource.open(config(url), DeviceClock.system())) {
            for (int i = 0; i < 6; i++) {
                Frame f = s.next();
                assertArrayEquals(JPEGS[i % 2], f.encoded());
            }
            assertTrue(connections.get() >= 3, "connections " + connections.get());
            assertTrue(s.stats().reconnects() >= 2, s.stats().toString());
            assertEquals(6, s.stats().frames());
        }
    }

    @Test
    void stalledServerTriggersTheWatchdogAndAReconnect() throws Exception {
        String url = serve("frame", (out, n) -> {
            part(out, JPEGS[n % 3], true);
            release.await(10, TimeUnit.SECONDS); // then silence, connection open
        });
        try (ReconnectingStreamSource s = ReconnectingStreamSource.open(config(url), DeviceClock.system())) {
            long t0 = System.nanoTime();
            assertArrayEquals(JPEGS[1], s.next().encoded());
            assertArrayEquals(JPEGS[2], s.next().encoded()); // only after the stall timeout and a new connection
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 350, "second frame came after " + ms + " ms, before the stall timeout");
            assertEquals(1, s.stats().stalls(), s.stats().toString());
            assertEquals(2, s.stats().connects());
        }
    }

    @Test
    void refusedConnectionsBackOffAndCloseEndsTheSource() throws Exception {
        int port;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
            port = ss.getLocalPort(); // closed again: nothing listens there
        }
        ReconnectingStreamSource s = ReconnectingStreamSource.open(config("http://127.0.0.1:" + port + "/v"),
                DeviceClock.system());
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            s.close();
        });
        closer.start();
        assertEquals(null, s.next(), "close() ends a source that cannot connect");
        closer.join();
        assertTrue(s.stats().errors() >= 3, s.stats().toString());
        assertEquals(0, s.stats().connects());
    }

    @Test
    void unsupportedSchemesAndBadSettingsAreRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReconnectingStreamSource.open(StreamConfig.of("c", "ftp://u:secret@10.0.0.1/stream"), DeviceClock.system()));
        assertTrue(e.getMessage().startsWith("uri:") && e.getMessage().contains("u:***@") && !e.getMessage().contains("secret"),
                e.getMessage());
        ReconnectingStreamSource.open(StreamConfig.of("c", "rtsp://10.0.0.1/stream"), DeviceClock.system()).close(); // lazy
        assertThrows(IllegalArgumentException.class, () -> StreamConfig.of("c", " "));
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> StreamConfig.of("c", "http://x").withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertTrue(b.getMessage().startsWith("backoffMax"), b.getMessage());
    }
}
