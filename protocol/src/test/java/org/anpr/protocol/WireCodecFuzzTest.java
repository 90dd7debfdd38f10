package org.anpr.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.anpr.protocol.topic.Topic;
import org.anpr.protocol.topic.TopicKind;
import org.anpr.protocol.v1.Envelope;

/**
 * Issue 17, item 13: coverage-guided fuzzing of the wire decoder (Jazzer). Input: one byte choosing
 * the topic kind, then the payload as it arrives on that topic. Whatever the bytes, decoding either
 * accepts an envelope, which then survives an encode/decode round trip unchanged, or refuses it
 * with a {@link ProtocolException}; any other exception is a finding.
 *
 * <p>{@code ./anpr test} replays the committed inputs in {@code WireCodecFuzzTestInputs/decode}
 * (seeds, and every finding once fixed) and then fuzzes for {@code fuzz.duration}; a crashing input
 * Jazzer finds is written there and becomes a regression test.
 */
class WireCodecFuzzTest {
    private static final WireCodec CODEC = new WireCodec();
    private static final String GANTRY = "G1";

    @FuzzTest
    void decode(byte[] input) throws ProtocolException {
        if (input.length == 0) {
            return;
        }
        TopicKind kind = TopicKind.values()[(input[0] & 0xFF) % TopicKind.values().length];
        Topic topic = Topic.of(GANTRY, kind);
        byte[] payload = Arrays.copyOfRange(input, 1, input.length);
        Envelope envelope;
        try {
            envelope = CODEC.decode(topic, payload);
        } catch (ProtocolException refused) {
            return; // what bad input must get
        }
        byte[] again = CODEC.encode(envelope); // an accepted envelope is a valid one
        assertEquals(envelope, CODEC.decode(topic, again), "an accepted envelope changed in an encode/decode round trip");
    }
}
