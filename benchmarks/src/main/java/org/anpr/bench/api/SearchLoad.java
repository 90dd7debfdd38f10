package org.anpr.bench.api;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.anpr.bench.ingest.IngestLoad;
import org.anpr.central.Receiver;
import org.anpr.central.api.AddOperatorCommand;
import org.anpr.central.api.OperatorApi;
import org.anpr.central.auth.PasswordHasher;
import org.anpr.central.config.AuthConfig;
import org.anpr.central.config.MqttConfig;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.config.StoreConfig;
import org.anpr.central.operator.OperatorAccounts;
import org.anpr.central.operator.OperatorPasswords;
import org.anpr.central.operator.Role;
import org.anpr.central.search.ReadSearch;
import org.anpr.central.store.CentralDatabase;
import org.anpr.central.store.LocalPostgres;
import org.anpr.central.store.Stores;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.HotlistEntry;

/**
 * {@code ./anpr bench api}: the operators' searches on a store of millions of reads, on the real
 * receiver, alone and while it ingests at a fixed rate; and live event delivery meanwhile. See
 * {@link SearchOptions#USAGE}. The ingest load is {@link IngestLoad} itself, run as a separate
 * process against this process's receiver ({@code --host/--port}); its publish->PUBACK figures
 * are parsed from its output.
 */
public final class SearchLoad {
    static final String INVESTIGATOR = "bench-investigator";
    static final String DISPATCHER = "bench-dispatcher";
    static final String PASSWORD = "bench search load password";
    /** Hotlisted plates (not of the generated formats, so only the live gantry's reads hit them). */
    static final int HOTLIST_PLATES = 20;
    static final int WARMUP_QUERIES = 20;
    /** A server of this size would not run with 128 MB of buffers; a larger WAL budget spaces checkpoints during the bulk load. */
    static final String PG_SETTINGS = "-c shared_buffers=1GB -c max_wal_size=4GB";
    private final SearchOptions o;
    private final PrintStream out = System.out;

    private SearchLoad(SearchOptions o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        // The receiver logs every gantry connection and hotlist hit: only warnings here, unless asked otherwise.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(SearchOptions.USAGE);
            return;
        }
        SearchOptions o;
        try {
            o = SearchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SearchLoad: " + e.getMessage());
            System.err.print(SearchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new SearchLoad(o).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        boolean temporary = o.data() == null;
        Path dataDir = temporary ? Files.createTempDirectory("anpr-search-load") : o.data().toAbsolutePath();
        Path work = Files.createTempDirectory("anpr-search-load-run"); // credentials: always deleted
        LocalPostgres pg = null;
        try {
            StoreConfig.PostgresConfig pgConfig = StoreConfig.PostgresConfig.DEFAULTS;
            String storeName = "SQLite";
            if (o.postgresql()) {
                if (o.pgUrl() != null) {
                    pgConfig = new StoreConfig.PostgresConfig(o.pgUrl(), o.pgUser(), o.pgPassword());
                    storeName = "PostgreSQL (" + o.pgUrl() + ")";
                } else {
                    pg = new LocalPostgres(dataDir, PG_SETTINGS);
                    pg.start();
                    pgConfig = pg.database("anpr");
                    storeName = "PostgreSQL " + pg.version() + " (private cluster, " + PG_SETTINGS + ")";
                }
            }
            StoreConfig store = new StoreConfig(o.postgresql() ? StoreConfig.Type.POSTGRESQL : StoreConfig.Type.SQLITE, dataDir,
                    1_000, 5_000, 1_000, pgConfig);
            out.printf("SearchLoad: %s store, %,d reads over %d days, %d cores, load average %.1f, %s %s, %s%n", storeName, o.reads(),
                    o.days(), Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), Instant.now());

            ReadGenerator.Dataset data = ReadGenerator.Dataset.load(dataDir, o.store());
            if (data == null) {
                if (o.postgresql() ? false : hasDayFiles(dataDir)) {
                    throw new IllegalStateException(dataDir + " holds day files but no " + ReadGenerator.META + ": not a SearchLoad store");
                }
                Stores stores = Stores.open(store);
                try {
                    data = new ReadGenerator(o, out).generate(stores.reads());
                } finally {
                    stores.hotlist().close();
                    stores.reads().close();
                }
                if (o.postgresql()) {
                    vacuumAnalyze(pgConfig);
                }
                data.save(dataDir, o.store());
            } else {
                out.printf("SearchLoad: reusing the generated store in %s: %,d reads of %,d plates, generated at %,.0f reads/s%n", dataDir,
                        data.reads(), data.plates(), data.reads() / data.seconds());
            }
            out.printf("SearchLoad: store size %s%n", size(dataDir, pgConfig));
            Queries queries = new Queries(data);

            Map<Queries.Kind, Latencies> direct = o.queries() > 0 ? directSearches(store, queries) : null;

            ReceiverConfig config = receiverConfig(store, work);
            createOperators(config);
            Receiver receiver = new Receiver(config);
            try {
                int mqttPort = receiver.start();
                List<HotlistEntry> hotlist = hotlist();
                receiver.hotlist().apply(hotlist, List.of());
                int httpPort = receiver.httpPort();
                Map<Queries.Kind, Latencies> quiet = o.queries() > 0 ? sequentialApi(httpPort, queries) : null;
                UnderIngest.Result load = new UnderIngest(o, out, receiver, queries).run(mqttPort, httpPort, hotlist);
                report(storeName, data, direct, quiet, load);
                return load.ok();
            } finally {
                receiver.close();
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
            deleteTree(work);
            if (temporary && !o.keep()) {
                out.println("SearchLoad: deleting the generated data in " + dataDir);
                deleteTree(dataDir);
            } else {
                out.println("SearchLoad: the generated data stays in " + dataDir + " (reuse it with --data; delete it when done)");
            }
        }
    }

    // ------------------------------------------------------------------ phase 1 and 2: quiet

    private Map<Queries.Kind, Latencies> directSearches(StoreConfig store, Queries queries) throws Exception {
        Map<Queries.Kind, Latencies> result = new EnumMap<>(Queries.Kind.class);
        SplittableRandom r = new SplittableRandom(o.seed() + 1);
        try (ReadSearch search = ReadSearch.open(store)) {
            for (Queries.Kind k : Queries.Kind.values()) {
                for (int i = 0; i < WARMUP_QUERIES; i++) {
                    queries.direct(search, queries.next(k, r));
                }
            }
            for (Queries.Kind k : Queries.Kind.values()) {
                Latencies l = new Latencies();
                for (int i = 0; i < o.queries(); i++) {
                    Queries.Query q = queries.next(k, r);
                    long t0 = System.nanoTime();
                    int hits = queries.direct(search, q);
                    l.add(System.nanoTime() - t0, hits);
                }
                result.put(k, l);
                out.printf("direct ReadSearch, one thread, %-26s %s, %.1f hits each%n", k.label + ":", l.describe(), l.meanResults());
            }
        }
        return result;
    }

    private Map<Queries.Kind, Latencies> sequentialApi(int port, Queries queries) throws Exception {
        Map<Queries.Kind, Latencies> result = new EnumMap<>(Queries.Kind.class);
        SplittableRandom r = new SplittableRandom(o.seed() + 2);
        ApiSession s = ApiSession.signIn(port, INVESTIGATOR, PASSWORD);
        for (Queries.Kind k : Queries.Kind.values()) {
            for (int i = 0; i < WARMUP_QUERIES; i++) {
                timed(s, queries, queries.next(k, r), null);
            }
        }
        for (Queries.Kind k : Queries.Kind.values()) {
            Latencies l = new Latencies();
            for (int i = 0; i < o.queries(); i++) {
                timed(s, queries, queries.next(k, r), l);
            }
            result.put(k, l);
            out.printf("HTTP API, one client, no ingest, %-26s %s, %.1f hits each%s%n", k.label + ":", l.describe(), l.meanResults(),
                    l.errors() > 0 ? ", " + l.errors() + " ERRORS" : "");
        }
        return result;
    }

    /** One API search; its latency goes to {@code into} unless null. */
    private static void timed(ApiSession s, Queries queries, Queries.Query q, Latencies into) throws Exception {
        long t0 = System.nanoTime();
        ApiSession.Reply reply = s.get(queries.path(q));
        long nanos = System.nanoTime() - t0;
        if (reply.status() != 200) {
            if (into != null) {
                into.error();
            }
            System.err.println("SearchLoad: " + queries.path(q) + " -> " + reply.status() + " " + reply.text());
            return;
        }
        if (into != null) {
            into.add(nanos, Queries.results(q, reply.json()));
        }
    }

    // ------------------------------------------------------------------ report

    private void report(String storeName, ReadGenerator.Dataset data, Map<Queries.Kind, Latencies> direct,
                        Map<Queries.Kind, Latencies> quiet, UnderIngest.Result load) {
        Map<Queries.Kind, Double> targets = Map.of(Queries.Kind.EXACT, 50.0, Queries.Kind.TOLERANT, 150.0, Queries.Kind.WILDCARD, 300.0,
                Queries.Kind.TRAJECTORY, 100.0);
        out.println();
        out.printf("== SearchLoad results: %s, %,d reads of %,d plates over %d days (generated at %,.0f reads/s) ==%n", storeName,
                data.reads(), data.plates(), o.days(), data.reads() / data.seconds());
        out.println("| query | target p95 | where | n | p50 ms | p95 ms | p99 ms | max ms | hits/query | p95 target |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Queries.Kind k : Queries.Kind.values()) {
            double target = targets.get(k);
            if (direct != null) {
                row(k, target, "ReadSearch, 1 thread, idle", direct.get(k));
                row(k, target, "HTTP API, 1 client, idle", quiet.get(k));
            }
            if (o.clients() > 0) {
                row(k, target, String.format("%s, %d clients%s, %,d reads/s ingest", o.via().equals("api") ? "HTTP API" : "ReadSearch",
                        o.clients(), o.thinkMillis() > 0 ? " (" + o.thinkMillis() + " ms think)" : "", o.rate()), load.searches().get(k));
            }
        }
        out.println();
        out.printf("| ingest under search load (%,d reads/s offered, %d gantries, %d API clients) | n / p50 / p95 / p99 / max | p99 < 50 ms |%n",
                o.rate(), o.gantries(), o.clients());
        out.println("| --- | --- | --- |");
        IngestProcess.Figures in = load.ingest();
        if (in != null) {
            out.printf("| publish->PUBACK (%.0f reads/s acknowledged) | %s | %s |%n", in.ackedRate(), in.puback(),
                    Double.isNaN(in.p99()) ? "n/a" : in.p99() < 50 ? "met" : "MISSED");
        }
        out.printf("| live alert event, commit -> client (at %.1f/s) | n=%d p50=%.1f p95=%.1f p99=%.1f max=%.1f ms | p99 < 250 ms: %s |%n",
                o.liveRate(), load.live().count(), load.live().millis(50), load.live().millis(95), load.live().millis(99),
                load.live().millis(100), load.live().count() == 0 ? "n/a" : load.live().millis(99) < 250 ? "met" : "MISSED");
        out.println();
        out.println(load.receiverLine());
        out.printf("measured window %.1f s; %s%n", load.measuredSeconds(), load.ok() ? "no errors" : "ERRORS (see above)");
    }

    private void row(Queries.Kind k, double target, String where, Latencies l) {
        double p95 = l.millis(95);
        out.printf("| %s | %.0f ms | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n", k.label, target, where, l.count(), l.millis(50), p95,
                l.millis(99), l.millis(100), l.meanResults(),
                l.count() == 0 ? "n/a" : p95 < target ? "met" : String.format("MISSED (x%.1f)", p95 / target));
    }

    // ------------------------------------------------------------------ set-up

    private ReceiverConfig receiverConfig(StoreConfig store, Path work) throws Exception {
        Path credentials = work.resolve("credentials");
        IngestLoad.main(new String[] {"--write-credentials", credentials.toString(), "--gantries", Integer.toString(o.gantries())});
        Files.writeString(credentials, LiveAlerts.GANTRY + ":" + PasswordHasher.hash(LiveAlerts.PASSWORD.toCharArray(), 1_000) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        ReceiverConfig d = ReceiverConfig.DEFAULTS;
        // As IngestLoad configures its own receiver, but with the operators' API on.
        return d.withMqtt(new MqttConfig("127.0.0.1", 0, d.mqtt().maxMessageBytes(), 64, 32, 120, 30))
                .withAuth(new AuthConfig(credentials)).withStore(store)
                .withHttp(d.http().withListen("127.0.0.1", 0));
    }

    /** The accounts, made as {@code ./anpr receiver add-operator} makes them (without its password prompt). */
    private static void createOperators(ReceiverConfig config) throws Exception {
        try (CentralDatabase db = CentralDatabase.open(config.store(), 1, OperatorApi.schema())) {
            OperatorAccounts accounts = new OperatorAccounts(db);
            for (String[] a : new String[][] {{INVESTIGATOR, "investigator"}, {DISPATCHER, "dispatcher"}}) {
                if (accounts.find(a[0]).isEmpty()) { // a reused store keeps its accounts
                    AddOperatorCommand.create(db, a[0], Role.of(a[1]).orElseThrow(), new OperatorPasswords().hash(PASSWORD.toCharArray()),
                            System.currentTimeMillis() * 1000);
                }
            }
        }
    }

    private List<HotlistEntry> hotlist() {
        SampleMessages s = new SampleMessages(o.seed());
        List<HotlistEntry> out = new ArrayList<>();
        for (int i = 0; i < HOTLIST_PLATES; i++) {
            out.add(s.hotlistEntry(String.format("ZZ%04dHL", i)).toBuilder().setEntryId(String.format("BENCH-%02d", i)).build());
        }
        return out;
    }

    private void vacuumAnalyze(StoreConfig.PostgresConfig pg) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = connect(pg); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE reads");
        }
        out.printf("generator: VACUUM ANALYZE reads (what autovacuum does after a bulk load) took %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static Connection connect(StoreConfig.PostgresConfig pg) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", pg.user());
        p.setProperty("password", pg.password());
        return DriverManager.getConnection(pg.url(), p);
    }

    private String size(Path dir, StoreConfig.PostgresConfig pg) throws Exception {
        if (o.postgresql()) {
            try (Connection c = connect(pg); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
                rs.next();
                return rs.getString(1) + " (database)";
            }
        }
        long bytes = 0;
        int files = 0;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : (Iterable<Path>) list::iterator) {
                if (f.getFileName().toString().startsWith("reads-")) {
                    bytes += Files.size(f);
                    files++;
                }
            }
        }
        return String.format("%.2f GiB in %d day files (with WAL files)", bytes / (double) (1L << 30), files);
    }

    private static boolean hasDayFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.anyMatch(p -> p.getFileName().toString().startsWith("reads-"));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
