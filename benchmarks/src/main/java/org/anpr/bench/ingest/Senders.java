package org.anpr.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that publish for the gantries, each for its own share of them. Throughput mode: any
 * gantry with room in its window publishes at once. Rate mode: reads fall due at even intervals;
 * a due read goes to the next gantry with room, and its latency counts from when it was due.
 */
final class Senders {
    private final LoadOptions o;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong stalls = new AtomicLong();
    private volatile boolean stopped;

    Senders(LoadOptions o, List<LoadGantry> gantries) {
        this.o = o;
        int n = Math.min(o.senders(), gantries.size());
        for (int t = 0; t < n; t++) {
            List<LoadGantry> mine = new ArrayList<>();
            for (int i = t; i < gantries.size(); i += n) {
                mine.add(gantries.get(i));
            }
            long intervalNanos = (long) (1e9 * n / o.rate());
            threads.add(new Thread(() -> run(mine, intervalNanos), "sender-" + t));
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    void stop() throws InterruptedException {
        stopped = true;
        for (Thread t : threads) {
            t.join();
        }
    }

    long published() {
        return published.get();
    }

    long stalls() {
        return stalls.get();
    }

    private void run(List<LoadGantry> gantries, long intervalNanos) {
        boolean fixedRate = o.mode().equals("rate");
        long due = System.nanoTime();
        int next = 0;
        try {
            while (!stopped) {
                long now = System.nanoTime();
                if (fixedRate && now < due) {
                    LockSupport.parkNanos(due - now);
                    continue;
                }
                boolean sent = false;
                for (int tried = 0; tried < gantries.size() && !sent; tried++) {
                    LoadGantry g = gantries.get(next);
                    next = (next + 1) % gantries.size();
                    sent = g.tryPublish(fixedRate ? due : now);
                }
                if (sent) {
                    published.incrementAndGet();
                    due += intervalNanos;
                } else {
                    if (fixedRate) {
                        stalls.incrementAndGet();
                    }
                    LockSupport.parkNanos(200_000); // every window full: wait for PUBACKs
                }
            }
        } catch (Exception e) {
            System.err.println(Thread.currentThread().getName() + ": " + e);
        }
    }
}
