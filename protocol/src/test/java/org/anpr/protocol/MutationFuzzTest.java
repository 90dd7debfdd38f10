package org.anpr.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.anpr.protocol.ProtocolException.Problem;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.Envelope;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated messages, with a fixed seed so a failure reproduces: decoding must either
 * accept a still-valid message or reject it with a {@link ProtocolException}, never anything else.
 */
class MutationFuzzTest {
    private static final long SEED = 20261122L;
    private static final int MUTATIONS = 30_000;

    @Test
    void mutatedMessagesNeverEscapeAsUncheckedExceptions() throws Exception {
        WireCodec codec = new WireCodec();
        SampleMessages samples = new SampleMessages(SEED);
        List<byte[]> seeds = List.of(
                codec.encode(samples.batch("G1", 2)),
                codec.encode(samples.alert("G1")),
                codec.encode(samples.passage("G1", "G2")),
                codec.encode(samples.violation("G1", "G2")),
                codec.encode(samples.status("G1")),
                codec.encode(samples.hotlistDelta(3, 4, 3)),
                codec.encode(samples.configPush()));
        Random random = new Random(SEED);
        Map<Problem, Integer> rejections = new EnumMap<>(Problem.class);
        int accepted = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] original = seeds.get(random.nextInt(seeds.size()));
            byte[] mutated = mutate(original, random);
            try {
                Envelope env = codec.decode(mutated);
                // whatever was accepted must be a valid message that survives its own round trip
                assertEquals(env, codec.decode(codec.encode(env)));
                accepted++;
            } catch (ProtocolException e) {
                rejections.merge(e.problem(), 1, Integer::sum);
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
            } catch (Throwable t) {
                fail("mutation " + i + " escaped as " + t, t);
            }
        }
        int rejected = rejections.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(MUTATIONS, accepted + rejected);
        // the mutator must actually produce broken messages of several kinds
        assertTrue(rejected > MUTATIONS / 2, "rejected only " + rejected);
        assertTrue(rejections.size() >= 4, "too few kinds of rejection: " + rejections);
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] out = in.clone();
        switch (r.nextInt(6)) {
            case 0 -> { // flip bits
                for (int k = 1 + r.nextInt(4); k > 0; k--) {
                    int pos = r.nextInt(out.length);
                    out[pos] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> out[r.nextInt(out.length)] = (byte) r.nextInt(256); // overwrite a byte
            case 2 -> out = java.util.Arrays.copyOf(out, r.nextInt(out.length)); // truncate
            case 3 -> { // insert random bytes
                int pos = r.nextInt(out.length);
                byte[] ins = new byte[1 + r.nextInt(8)];
                r.nextBytes(ins);
                byte[] n = new byte[out.length + ins.length];
                System.arraycopy(out, 0, n, 0, pos);
                System.arraycopy(ins, 0, n, pos, ins.length);
                System.arraycopy(out, pos, n, pos + ins.length, out.length - pos);
                out = n;
            }
            case 4 -> { // duplicate a slice (repeated fields, overlong lengths)
                int from = r.nextInt(out.length);
                int len = Math.min(out.length - from, 1 + r.nextInt(32));
                byte[] n = new byte[out.length + len];
                System.arraycopy(out, 0, n, 0, from + len);
                System.arraycopy(out, from, n, from + len, out.length - from);
                out = n;
            }
            default -> { // set a varint length/tag byte to an extreme value
                int pos = r.nextInt(out.length);
                out[pos] = (byte) (r.nextBoolean() ? 0xFF : 0x80);
            }
        }
        return out;
    }
}
