package org.anpr.bench.abuse;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One kind of hostile or broken client, run by a few threads from its own loopback address
 * (127.0.0.x: Linux routes the whole 127/8 to loopback) until stopped, counting what it did and
 * what the receiver did to it. Every attacker reconnects as soon as it is closed.
 */
abstract class Attack {
    final String name;
    final InetAddress from;
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong closedByServer = new AtomicLong();
    final AtomicLong refusedWithConnack = new AtomicLong();
    private final int threads;
    private final List<Thread> running = new ArrayList<>();
    protected final AtomicBoolean stop = new AtomicBoolean();
    protected final int port;

    Attack(String name, String fromAddress, int threads, int port) throws IOException {
        this.name = name;
        this.from = InetAddress.getByName(fromAddress);
        this.threads = threads;
        this.port = port;
    }

    /** One round: connect, misbehave, until the server closes (or the attack stops). */
    abstract void round(Socket s) throws IOException, InterruptedException;

    void start() {
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, "attack-" + name + "-" + i);
            t.setDaemon(true);
            running.add(t);
            t.start();
        }
    }

    private void loop() {
        while (!stop.get()) {
            try (Socket s = new Socket()) {
                s.bind(new InetSocketAddress(from, 0));
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
                attempts.incrementAndGet();
                round(s);
            } catch (IOException e) {
                closedByServer.incrementAndGet(); // reset, refused or closed under us
                pause(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread t : running) {
            t.interrupt();
            t.join(5_000);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the server to close {@code s} (EOF or reset) up to {@code millis}; true when it did. */
    static boolean closedWithin(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // whatever the server says before closing (a CONNACK) is read and dropped
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public String toString() {
        return String.format("%-22s %6d connections, %6d closed by the receiver, %6d refused by CONNACK", name, attempts.get(),
                closedByServer.get(), refusedWithConnack.get());
    }
}
