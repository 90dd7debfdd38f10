package org.anpr.protocol.evidence;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.anpr.protocol.v1.SectionViolation;

/**
 * The tamper-evident chain over one gantry's section violations.
 *
 * <p>{@code digest = SHA-256(previous_digest || deterministic-serialisation(violation with digest cleared))}.
 * The first violation of a chain has 32 zero bytes as its previous digest. Removing, reordering
 * or altering any violation breaks every digest after it.
 */
public final class ViolationChain {
    public static final ByteString GENESIS = ByteString.copyFrom(new byte[32]);

    private ViolationChain() {
    }

    /** Returns {@code violation} with sequence, previous digest and digest set as the successor of {@code previousDigest}. */
    public static SectionViolation seal(SectionViolation violation, long sequence, ByteString previousDigest) {
        SectionViolation unsealed = violation.toBuilder()
                .setSequence(sequence)
                .setPreviousDigest(previousDigest)
                .clearDigest()
                .build();
        return unsealed.toBuilder().setDigest(digestOf(unsealed)).build();
    }

    /** Recomputes a sealed violation's digest. */
    public static ByteString digestOf(SectionViolation violation) {
        SectionViolation unsealed = violation.toBuilder().clearDigest().build();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(unsealed.getSerializedSize());
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.useDeterministicSerialization();
            unsealed.writeTo(out);
            out.flush();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(unsealed.getPreviousDigest().toByteArray());
            sha.update(bytes.toByteArray());
            return ByteString.copyFrom(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /**
     * Verifies a run of consecutive violations in order (sequence numbers must follow each other). Returns the index of the first violation that does not verify,
     * or -1 when the whole chain is intact.
     */
    public static int firstBroken(List<SectionViolation> chain) {
        ByteString expectedPrevious = chain.isEmpty() ? GENESIS : chain.get(0).getPreviousDigest();
        for (int i = 0; i < chain.size(); i++) {
            SectionViolation v = chain.get(i);
            boolean inSequence = v.getSequence() == chain.get(0).getSequence() + i;
            if (!inSequence || !v.getPreviousDigest().equals(expectedPrevious) || !digestOf(v).equals(v.getDigest())) {
                return i;
            }
            expectedPrevious = v.getDigest();
        }
        return -1;
    }
}
