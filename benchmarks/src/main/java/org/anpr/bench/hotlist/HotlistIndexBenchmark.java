package org.anpr.bench.hotlist;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.anpr.edge.hotlist.HotlistIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lookup in the edge agent's in-memory hotlist index (targets: exact well under 1 us, tolerant
 * under 10 us, at 10 million entries). Index only: a hit then fetches the entry from SQLite,
 * which is rare and not measured here. Also prints the index's bytes per entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotlistIndexBenchmark {
    private static final String SYMBOLS = "ABCDEFGHJKLMNPRSTVXZ0123456789";
    private static final int QUERIES = 1 << 16;

    @Param({"1000000", "10000000"})
    public int entries;

    private HotlistIndex index;
    private String[] hits;
    private String[] confusedHits;
    private String[] misses;
    private final int[] out = new int[32];
    private int i;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        HotlistIndex.Builder b = HotlistIndex.builder(entries);
        hits = new String[QUERIES];
        confusedHits = new String[QUERIES];
        for (int n = 0; n < entries; n++) {
            String plate = plate(r);
            b.add(plate, 0, 0);
            if (n < QUERIES) {
                hits[n] = plate;
                confusedHits[n] = plate.replace('0', 'O').replace('8', 'B').replace('5', 'S');
            }
        }
        index = b.build();
        misses = new String[QUERIES];
        for (int n = 0; n < QUERIES; n++) {
            misses[n] = "W" + plate(r); // W is neither stored nor confusable
        }
        System.out.printf("%n%d entries, %.1f bytes per entry%n", entries, index.memoryBytes() / (double) entries);
    }

    private static String plate(SplittableRandom r) {
        int len = 6 + r.nextInt(3);
        StringBuilder s = new StringBuilder(len);
        for (int k = 0; k < len; k++) {
            s.append(SYMBOLS.charAt(r.nextInt(SYMBOLS.length())));
        }
        return s.toString();
    }

    private int next() {
        return i = (i + 1) & (QUERIES - 1);
    }

    @Benchmark
    public int exactHit() {
        return index.lookup(hits[next()], 0, false, out);
    }

    @Benchmark
    public int exactMiss() {
        return index.lookup(misses[next()], 0, false, out);
    }

    @Benchmark
    public int tolerantHitOfConfusedRead() {
        return index.lookup(confusedHits[next()], 0, true, out);
    }

    @Benchmark
    public int tolerantMiss() {
        return index.lookup(misses[next()], 0, true, out);
    }
}
