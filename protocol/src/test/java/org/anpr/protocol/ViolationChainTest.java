package org.anpr.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import org.anpr.protocol.evidence.ViolationChain;
import org.anpr.protocol.sample.SampleMessages;
import org.anpr.protocol.v1.SectionViolation;
import org.junit.jupiter.api.Test;

class ViolationChainTest {
    private final SampleMessages samples = new SampleMessages(5);

    private List<SectionViolation> chainOf(int n) {
        List<SectionViolation> chain = new ArrayList<>();
        ByteString previous = ViolationChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            SectionViolation v = ViolationChain.seal(samples.violation("G1", "G2"), i, previous);
            chain.add(v);
            previous = v.getDigest();
        }
        return chain;
    }

    @Test
    void intactChainVerifies() {
        List<SectionViolation> chain = chainOf(5);
        assertEquals(-1, ViolationChain.firstBroken(chain));
        assertEquals(32, chain.get(0).getDigest().size());
        assertNotEquals(chain.get(0).getDigest(), chain.get(1).getDigest());
    }

    @Test
    void alteringAViolationIsDetectedAtThatViolation() {
        List<SectionViolation> chain = chainOf(5);
        chain.set(2, chain.get(2).toBuilder().setMeasuredSpeedKmh(99).build());
        assertEquals(2, ViolationChain.firstBroken(chain));
    }

    @Test
    void removingOrReorderingIsDetected() {
        List<SectionViolation> removed = chainOf(5);
        removed.remove(1);
        assertEquals(1, ViolationChain.firstBroken(removed));
        List<SectionViolation> swapped = chainOf(5);
        SectionViolation third = swapped.get(3);
        swapped.set(3, swapped.get(2));
        swapped.set(2, third);
        assertEquals(2, ViolationChain.firstBroken(swapped));
    }

    @Test
    void resealingWithForgedDigestStillBreaksTheLink() {
        List<SectionViolation> chain = chainOf(3);
        // a forger re-seals an altered violation but cannot fix its successor's previous_digest
        SectionViolation forged = ViolationChain.seal(chain.get(1).toBuilder().setEnforcedSpeedKmh(1).build(), 2,
                chain.get(0).getDigest());
        chain.set(1, forged);
        assertEquals(2, ViolationChain.firstBroken(chain));
    }
}
