package org.anpr.bench.protocol;

import java.util.concurrent.TimeUnit;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.WireCodec;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.Envelope;
import org.anpr.protocol.v1.PlateReadBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Encode and decode (with full validation) of one PlateRead with a plate crop of realistic size. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WireCodecBenchmark {
    @Param({"2048"})
    public int cropBytes;

    private final WireCodec codec = new WireCodec();
    private Envelope envelope;
    private byte[] encoded;

    @Setup
    public void setUp() throws ProtocolException {
        PlateReadBatch batch = new SampleMessages(1, cropBytes).batch("A2-N-km40", 1);
        envelope = WireCodec.wrap(batch, SampleMessages.BASE_MICROS);
        encoded = codec.encode(envelope);
    }

    @Benchmark
    public byte[] encodeRead() throws ProtocolException {
        return codec.encode(envelope);
    }

    @Benchmark
    public Envelope decodeRead() throws ProtocolException {
        return codec.decode(encoded);
    }
}
