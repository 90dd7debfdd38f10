package org.anpr.bench.api;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.anpr.central.Receiver;
import org.anpr.central.metrics.LatencyHistogram;
import org.anpr.central.metrics.ReceiverMetrics.Counter;
import org.anpr.central.search.ReadSearch;
import org.anpr.protocol.v1.HotlistEntry;

/**
 * Phase 3 of {@link SearchLoad}: {@code --clients} closed-loop clients search (each waits for its
 * answer, then thinks {@code --think-ms}) while {@link IngestProcess} offers {@code --rate} reads/s
 * to the same receiver and {@link LiveAlerts} measures event delivery. Only searches that start
 * and finish inside the ingest load's measured window count.
 */
final class UnderIngest {
    /** What the phase measured. */
    record Result(Map<Queries.Kind, Latencies> searches, double measuredSeconds, IngestProcess.Figures ingest, Latencies live,
                  long livePublished, long liveOutside, String receiverLine, long errors) {
        boolean ok() {
            return errors == 0 && (ingest == null || ingest.ok());
        }
    }

    private final SearchOptions o;
    private final PrintStream out;
    private final Receiver receiver;
    private final Queries queries;
    private final Map<Queries.Kind, List<long[]>> samples = new EnumMap<>(Queries.Kind.class); // {start nanos, nanos, hits}
    private final AtomicLong errors = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();

    UnderIngest(SearchOptions o, PrintStream out, Receiver receiver, Queries queries) {
        this.o = o;
        this.out = out;
        this.receiver = receiver;
        this.queries = queries;
        for (Queries.Kind k : Queries.Kind.values()) {
            samples.put(k, Collections.synchronizedList(new ArrayList<>()));
        }
    }

    Result run(int mqttPort, int httpPort, List<HotlistEntry> hotlist) throws Exception {
        out.printf("under load: %d %s clients searching (think time %d ms), %,d reads/s offered by %d MQTT gantries, "
                + "%.1f hotlisted reads/s; warm-up %d s, measured %d s%n", o.clients(), o.via().equals("api") ? "API" : "ReadSearch",
                o.thinkMillis(), o.rate(), o.gantries(), o.liveRate(), o.warmup(), o.seconds());
        boolean viaApi = o.via().equals("api");
        List<ApiSession> sessions = new ArrayList<>();
        for (int i = 0; i < o.clients(); i++) {
            sessions.add(viaApi ? ApiSession.signIn(httpPort, SearchLoad.INVESTIGATOR, SearchLoad.PASSWORD) : null);
        }
        ApiSession dispatcher = ApiSession.signIn(httpPort, SearchLoad.DISPATCHER, SearchLoad.PASSWORD);
        try (ReadSearch direct = viaApi ? null : ReadSearch.open(receiver.config().store());
             LiveAlerts live = LiveAlerts.start(dispatcher, mqttPort, hotlist, o.liveRate(), o.seed())) {
            IngestProcess ingest = null;
            if (o.rate() > 0) {
                ingest = IngestProcess.start(o, mqttPort, out);
                ingest.awaitPublishing(() -> receiver.metrics().get(Counter.MESSAGES_COMMITTED), o.gantries());
            }
            long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.warmup());
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                clients.add(client(i, sessions.get(i), direct));
            }
            // Receiver and CPU figures over the measured window: taken when it starts (after the warm-up) and ends.
            Thread.sleep(Math.max(0, (start - System.nanoTime()) / 1_000_000));
            LatencyHistogram.Snapshot commits0 = receiver.metrics().commitTimes().snapshot();
            LatencyHistogram.Snapshot durable0 = receiver.metrics().durableTimes().snapshot();
            MachineCpu cpu0 = MachineCpu.now();
            long end;
            if (ingest != null) {
                end = ingest.awaitEnd();
            } else {
                Thread.sleep(TimeUnit.SECONDS.toMillis(o.seconds()));
                end = System.nanoTime();
            }
            LatencyHistogram.Snapshot commits = receiver.metrics().commitTimes().snapshot().since(commits0);
            LatencyHistogram.Snapshot durable = receiver.metrics().durableTimes().snapshot().since(durable0);
            MachineCpu cpu1 = MachineCpu.now();
            stop.set(true);
            live.stopPublishing();
            for (Thread t : clients) {
                t.join(70_000);
            }
            Thread.sleep(2_000); // the last live events

            double measured = (end - start) / 1e9;
            Map<Queries.Kind, Latencies> searches = new EnumMap<>(Queries.Kind.class);
            for (Queries.Kind k : Queries.Kind.values()) {
                Latencies l = new Latencies();
                synchronized (samples.get(k)) {
                    for (long[] s : samples.get(k)) {
                        if (s[0] >= start && s[0] + s[1] <= end) {
                            l.add(s[1], (int) s[2]);
                        }
                    }
                }
                searches.put(k, l);
            }
            // Live samples carry wall-clock receive times: the window in wall-clock terms.
            long wallNowMicros = System.currentTimeMillis() * 1000;
            long nanoNow = System.nanoTime();
            long[] outside = new long[1];
            Latencies liveLatencies = live.within(wallNowMicros - (nanoNow - start) / 1000, wallNowMicros - (nanoNow - end) / 1000, outside);
            int searchCount = searches.values().stream().mapToInt(Latencies::count).sum();
            String receiverLine = String.format("receiver in the window: commit p50<=%.1f p99<=%.1f max<=%.1f ms; handed to writer -> "
                    + "durable p50<=%.1f p99<=%.1f ms (power-of-two buckets). %.1f searches/s. %s", commits.quantileMillis(0.5),
                    commits.quantileMillis(0.99), commits.quantileMillis(1.0), durable.quantileMillis(0.5), durable.quantileMillis(0.99),
                    searchCount / measured, cpu0.describeUntil(cpu1, measured));
            out.println("under load: " + receiverLine);
            out.printf("under load: %d search errors; live: %d hotlisted reads published, %d alerts in the window, %d outside it%n",
                    errors.get(), live.published(), liveLatencies.count(), outside[0]);
            return new Result(searches, measured, ingest == null ? null : ingest.figures(), liveLatencies, live.published(), outside[0],
                    receiverLine, errors.get());
        }
    }

    /** One closed-loop client: over HTTP with {@code session}, or on {@code direct} when the session is null. */
    private Thread client(int i, ApiSession session, ReadSearch direct) {
        SplittableRandom r = new SplittableRandom(o.seed() * 1_000 + i);
        Thread t = new Thread(() -> {
            Queries.Kind[] kinds = Queries.Kind.values();
            while (!stop.get()) {
                Queries.Query q = queries.next(kinds[r.nextInt(kinds.length)], r);
                try {
                    long t0 = System.nanoTime();
                    if (session == null) {
                        int hits = queries.direct(direct, q);
                        samples.get(q.kind()).add(new long[] {t0, System.nanoTime() - t0, hits});
                    } else {
                        ApiSession.Reply reply = session.get(queries.path(q));
                        long t1 = System.nanoTime();
                        if (reply.status() != 200) {
                            errors.incrementAndGet();
                            System.err.println("SearchLoad: " + queries.path(q) + " -> " + reply.status() + " " + reply.text());
                        } else {
                            samples.get(q.kind()).add(new long[] {t0, t1 - t0, Queries.results(q, reply.json())});
                        }
                    }
                    if (o.thinkMillis() > 0) {
                        Thread.sleep(o.thinkMillis());
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println("SearchLoad: " + q + ": " + e);
                }
            }
        }, "search-client-" + i);
        t.start();
        return t;
    }
}
