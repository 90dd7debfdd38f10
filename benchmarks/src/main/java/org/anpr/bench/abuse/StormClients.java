package org.anpr.bench.abuse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code n} gantries (real credentials) that all connect at the same moment and retry as the edge
 * agent does: after a refusal (CONNACK "server unavailable" when the password-check queue is full)
 * or a dropped connection, wait a random time up to the back-off, which doubles from 500 ms to 60 s.
 * Once accepted a client holds its connection until {@link #dropAll}.
 */
final class StormClients {
    static final long BACKOFF_MIN_MILLIS = 500;
    static final long BACKOFF_MAX_MILLIS = 60_000;

    private final List<String> ids;
    private final String secret;
    private final int port;
    private final InetAddress from;
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong shed = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    private final List<Socket> held = new ArrayList<>();

    StormClients(List<String> ids, String secret, int port, String fromAddress) throws IOException {
        this.ids = ids;
        this.secret = secret;
        this.port = port;
        this.from = InetAddress.getByName(fromAddress);
    }

    /** Every client connects at once; returns the milliseconds until the last was accepted (-1: not within {@code timeoutMillis}). */
    long connectAll(long timeoutMillis) throws InterruptedException {
        CountDownLatch accepted = new CountDownLatch(ids.size());
        CountDownLatch go = new CountDownLatch(1);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<Thread> threads = new ArrayList<>();
        for (String id : ids) {
            Thread t = new Thread(() -> client(id, go, accepted, deadline), "storm-" + id);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long t0 = System.nanoTime();
        go.countDown();
        boolean all = accepted.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        for (Thread t : threads) {
            t.join(1_000);
        }
        return all ? ms : -1;
    }

    private void client(String id, CountDownLatch go, CountDownLatch accepted, long deadline) {
        byte[] connect = MqttBytes.connect(id, id, secret);
        long backoff = BACKOFF_MIN_MILLIS;
        try {
            go.await();
            while (System.currentTimeMillis() < deadline) {
                Socket s = new Socket();
                try {
                    s.bind(new InetSocketAddress(from, 0));
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                    attempts.incrementAndGet();
                    s.getOutputStream().write(connect);
                    s.setSoTimeout(60_000);
                    int code = Attacks.connackCode(s.getInputStream());
                    if (code == 0) {
                        synchronized (held) {
                            held.add(s);
                        }
                        accepted.countDown();
                        return;
                    }
                    (code == 3 ? shed : refused).incrementAndGet();
                    s.close();
                } catch (IOException e) {
                    refused.incrementAndGet();
                    s.close();
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(backoff / 2, backoff + 1));
                backoff = Math.min(BACKOFF_MAX_MILLIS, backoff * 2);
            }
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes every held connection (as a centre restart does to a fleet). */
    void dropAll() {
        synchronized (held) {
            for (Socket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            held.clear();
        }
    }
}
