package org.anpr.bench.outbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.anpr.edge.outbox.Outbox;
import org.anpr.edge.outbox.OutboxItem;
import org.anpr.edge.outbox.OutboxLimits;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.PlateReadBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The edge outbox's durable append: validate, encode and commit one read (one SQLite transaction,
 * WAL, {@code synchronous=FULL}, so each append waits for the disk) — the bound on how many reads
 * per second a gantry can make durable. {@code appendAndAck} adds the reporter's side of the
 * steady state: fetch the next message and delete it on its acknowledgement. The figures depend on
 * the disk's fsync latency more than on the CPU; the temporary folder is on the default file system.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutboxBenchmark {
    private static final String GANTRY = "A2-N-km40";
    private static final Topic READS = Topic.of(GANTRY, TopicKind.READS);

    private Path dir;
    private Outbox outbox;
    private PlateReadBatch batch;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("anpr-outbox-bench");
        outbox = Outbox.open(dir.resolve("outbox.db"), OutboxLimits.DEFAULTS, new WireCodec());
        PlateRead read = new SampleMessages(7).read(GANTRY); // with a plate crop, as a gantry sends
        batch = PlateReadBatch.newBuilder().addReads(read).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        System.out.printf("%noutbox: %s, one read = %d bytes encoded%n", outbox.stats(), batch.getSerializedSize());
        outbox.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long append() throws Exception {
        return outbox.append(READS, batch);
    }

    @Benchmark
    public int appendAndAck() throws Exception {
        outbox.append(READS, batch);
        List<OutboxItem> next = outbox.next(1, Set.of());
        outbox.ack(next.stream().map(OutboxItem::seq).toList());
        return next.size();
    }
}
