package org.anpr.bench.ingest;

import java.nio.file.Path;
import java.util.Set;
import org.anpr.bench.CommandOptions;

/**
 * Options of {@link IngestLoad}, with their defaults.
 *
 * @param mode        {@code throughput}: as fast as PUBACKs allow; {@code rate}: a fixed offered rate
 * @param seconds     measured seconds (after the warm-up)
 * @param warmup      seconds of load before measuring
 * @param rate        reads per second offered in {@code rate} mode
 * @param gantries    simulated gantries: one Paho client, one identity each
 * @param inflight    QoS 1 messages awaiting PUBACK per gantry (Paho max-inflight and our window)
 * @param cropBytes   approximate plate-crop size
 * @param senders     threads that build and publish messages for the gantries
 * @param store       {@code sqlite} or {@code postgresql} (in-process receiver)
 * @param data        SQLite directory (default: a new temporary one, deleted afterwards)
 * @param pgUrl       PostgreSQL JDBC URL, {@code pgUser}, {@code pgPassword}
 * @param maxBatch    receiver's store.maxBatch; {@code highWater}: its store.highWaterMark
 * @param host        with {@code port > 0}: load a receiver that is already running instead
 * @param writeCredentials write the load gantries' credentials file here and exit
 */
record LoadOptions(String mode, int seconds, int warmup, int rate, int gantries, int inflight, int cropBytes, int senders,
                   String store, Path data, String pgUrl, String pgUser, String pgPassword, int maxBatch, int highWater,
                   String host, int port, Path writeCredentials) {
    static final String USAGE = """
            Usage: ./anpr bench ingest [--mode throughput|rate] [--seconds 20] [--warmup 10] [--rate 5000]
                                     [--gantries 200] [--inflight 32] [--crop-bytes 2048] [--senders 4]
                                     [--store sqlite|postgresql] [--data DIR] [--pg-url URL --pg-user U --pg-password P]
                                     [--max-batch 1000] [--high-water 5000]
                                     [--host H --port P]            load a running receiver (gantries LOAD-001.. need credentials)
                                     [--write-credentials FILE]     write those credentials (PBKDF2, 1,000 iterations) and exit

            Simulated gantries (real Paho MQTT clients over loopback, one identity each) publish QoS 1
            PlateReadBatch messages of one read with a plate crop. throughput: reads/s acknowledged (=
            durably committed) in the measured window, verified against the store at the end (in-process
            receiver). rate: p50/p95/p99/max publish->PUBACK latency at a fixed offered rate.
            """;

    static LoadOptions parse(String[] args) {
        CommandOptions a = CommandOptions.parse(args, Set.of("--mode", "--seconds", "--warmup", "--rate", "--gantries", "--inflight",
                "--crop-bytes", "--senders", "--store", "--data", "--pg-url", "--pg-user", "--pg-password", "--max-batch",
                "--high-water", "--host", "--port", "--write-credentials"));
        String mode = a.text("--mode", "throughput");
        int seconds = a.integer("--seconds", 20);
        int warmup = a.integer("--warmup", 10);
        int rate = a.integer("--rate", 5_000);
        int gantries = a.integer("--gantries", 200);
        int inflight = a.integer("--inflight", 32);
        int cropBytes = a.integer("--crop-bytes", 2048);
        int senders = a.integer("--senders", 4);
        String store = a.text("--store", "sqlite");
        Path data = a.path("--data", null);
        String pgUrl = a.text("--pg-url", null);
        String pgUser = a.text("--pg-user", "anpr");
        String pgPassword = a.text("--pg-password", "");
        int maxBatch = a.integer("--max-batch", 1_000);
        int highWater = a.integer("--high-water", 5_000);
        String host = a.text("--host", "127.0.0.1");
        int port = a.integer("--port", 0);
        Path writeCredentials = a.path("--write-credentials", null);
        if (!mode.equals("throughput") && !mode.equals("rate")) {
            throw new IllegalArgumentException("--mode: throughput or rate, was " + mode);
        }
        if (!store.equals("sqlite") && !store.equals("postgresql")) {
            throw new IllegalArgumentException("--store: sqlite or postgresql, was " + store);
        }
        if (store.equals("postgresql") && pgUrl == null && port == 0) {
            throw new IllegalArgumentException("--store postgresql needs --pg-url");
        }
        if (gantries < 1 || gantries > 999 || inflight < 1 || seconds < 1 || warmup < 0 || rate < 1 || senders < 1) {
            throw new IllegalArgumentException("--gantries 1..999, --inflight, --seconds, --rate, --senders >= 1, --warmup >= 0");
        }
        return new LoadOptions(mode, seconds, warmup, rate, gantries, inflight, cropBytes, senders, store, data, pgUrl, pgUser,
                pgPassword, maxBatch, highWater, host, port, writeCredentials);
    }

    boolean external() {
        return port > 0;
    }

    static String gantryId(int i) {
        return String.format("LOAD-%03d", i + 1);
    }

    static String password(String gantry) {
        return "load-" + gantry;
    }
}
