package org.anpr.bench.api;

import java.nio.file.Path;
import java.util.Set;
import org.anpr.bench.CommandOptions;

/**
 * Options of {@link SearchLoad}, with their defaults.
 *
 * @param store       {@code sqlite} or {@code postgresql}
 * @param reads       reads to generate
 * @param days        days the generated reads span, ending at generation time
 * @param data        where the generated store is kept for reuse (default: a temporary directory, deleted afterwards);
 *                    SQLite: the store directory; PostgreSQL without {@code pgUrl}: the private cluster's directory
 * @param queries     queries per kind in the sequential (quiet) measurements
 * @param clients     concurrent API clients in the measurement under ingest
 * @param rate        reads/s offered by the ingest load ({@code ./anpr bench ingest --mode rate}) meanwhile
 * @param seconds     measured seconds of that phase (after {@code warmup})
 * @param warmup      seconds of ingest and searching before measuring
 * @param gantries    MQTT gantries of the ingest load
 * @param liveRate    hotlisted reads/s published during that phase, for the live event latency
 * @param thinkMillis pause of each API client between its searches (0: back to back)
 * @param via         how the clients of the phase under ingest search: {@code api} (HTTP) or {@code direct}
 *                    ({@code ReadSearch} in this process: no HTTP, no audit; to tell costs apart)
 * @param batch       reads per store commit while generating
 * @param pgUrl       an existing PostgreSQL database instead of a private cluster, with {@code pgUser}, {@code pgPassword}
 * @param keep        keep the generated data even when it is in a temporary directory
 * @param seed        random seed of the generator and the query choice
 */
record SearchOptions(String store, long reads, int days, Path data, int queries, int clients, int rate, int seconds,
                     int warmup, int gantries, double liveRate, int thinkMillis, String via, int batch,
                     String pgUrl, String pgUser, String pgPassword, boolean keep, long seed) {
    static final String USAGE = """
            Usage: ./anpr bench api [--store sqlite|postgresql] [--reads 10000000] [--days 10] [--data DIR]
                                  [--queries 500] [--clients 20] [--rate 5000] [--seconds 60] [--warmup 10]
                                  [--gantries 200] [--live-rate 5] [--think-ms 0] [--via api|direct]
                                  [--batch 10000]
                                  [--pg-url URL --pg-user U --pg-password P] [--keep true] [--seed 1]

            Operators' API searches on a large store, measured end to end:
              1. generates --reads reads over the last --days days (a Zipf-like plate pool, 50-200 byte
                 crops, ~100 gantries, lanes 1-3) straight through the store's commit, in big batches
                 (progress and reads/s printed); with --data DIR an existing generated store is reused;
              2. times --queries searches of each kind (exact, tolerant, wildcard with a 3-character
                 prefix, trajectory over the days) directly through ReadSearch, then through the
                 receiver's HTTP API (one client, sign-in session, audited like any search);
                 --queries 0 skips this;
              3. runs --clients API clients searching while `./anpr bench ingest --mode rate` offers
                 --rate reads/s over MQTT to the same receiver, and --live-rate hotlisted reads/s
                 are published while a dispatcher's live event stream is open: search latency, ingest
                 publish->PUBACK latency and live event latency (client receive time - the event's 'at');
                 --via direct: those clients call ReadSearch instead (no HTTP, no audit).
            PostgreSQL without --pg-url: a private cluster (initdb, pg_ctl; Debian's postgresql package)
            in --data DIR or a temporary directory. Generated data is deleted at the end unless --data
            or --keep true is given.
            """;

    static SearchOptions parse(String[] args) {
        CommandOptions a = CommandOptions.parse(args, Set.of("--store", "--reads", "--days", "--data", "--queries", "--clients",
                "--rate", "--seconds", "--warmup", "--gantries", "--live-rate", "--think-ms", "--via", "--batch", "--pg-url",
                "--pg-user", "--pg-password", "--keep", "--seed"));
        String store = a.text("--store", "sqlite");
        long reads = a.whole("--reads", 10_000_000);
        int days = a.integer("--days", 10);
        Path data = a.path("--data", null);
        int queries = a.integer("--queries", 500);
        int clients = a.integer("--clients", 20);
        int rate = a.integer("--rate", 5_000);
        int seconds = a.integer("--seconds", 60);
        int warmup = a.integer("--warmup", 10);
        int gantries = a.integer("--gantries", 200);
        double liveRate = a.decimal("--live-rate", 5);
        int think = a.integer("--think-ms", 0);
        String via = a.text("--via", "api");
        int batch = a.integer("--batch", 10_000);
        String pgUrl = a.text("--pg-url", null);
        String pgUser = a.text("--pg-user", "anpr");
        String pgPassword = a.text("--pg-password", "");
        boolean keep = a.flag("--keep", false);
        long seed = a.whole("--seed", 1);
        if (!store.equals("sqlite") && !store.equals("postgresql")) {
            throw new IllegalArgumentException("--store: sqlite or postgresql, was " + store);
        }
        if (!via.equals("api") && !via.equals("direct")) {
            throw new IllegalArgumentException("--via: api or direct, was " + via);
        }
        if (reads < 1_000 || days < 1 || queries < 0 || clients < 0 || rate < 0 || seconds < 1 || warmup < 0 || gantries < 1
                || liveRate < 0 || think < 0 || batch < 1) {
            throw new IllegalArgumentException("--reads >= 1000; --days, --seconds, --batch, --gantries >= 1; "
                    + "--queries, --clients, --rate, --warmup, --live-rate, --think-ms >= 0");
        }
        return new SearchOptions(store, reads, days, data, queries, clients, rate, seconds, warmup, gantries, liveRate, think, via,
                batch, pgUrl, pgUser, pgPassword, keep, seed);
    }

    boolean postgresql() {
        return store.equals("postgresql");
    }
}
