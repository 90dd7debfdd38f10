package org.anpr.protocol.evidence;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
import org.anpr.protocol.v1.SectionViolation;

/**
 * The tamper-evident chain over one gantry's section violations.
 *
 * <p>{@code digest = SHA-256(previous_digest || canonical encoding of the violation without digest
 * and signature)} ({@link CanonicalEncoding}: independent of the protobuf library's serialiser). The
 * first violation of a chain has sequence 1 and 32 zero bytes as its previous digest. Removing,
 * reordering or altering any violation breaks every digest after it; a chain is verified from its
 * genesis or from an anchor the verifier already holds, never from wherever it happens to start, so
 * a removed prefix shows too. The digest is what the exit gantry signs ({@link ViolationSignature}).
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
                .clearSignature()
                .build();
        return unsealed.toBuilder().setDigest(digestOf(unsealed)).build();
    }

    /** The fields the digest is not taken over: the digest itself and the signature of it. */
    private static final Set<Integer> UNSIGNED = Set.of(SectionViolation.DIGEST_FIELD_NUMBER, SectionViolation.SIGNATURE_FIELD_NUMBER);

    /** Recomputes a sealed violation's digest. */
    public static ByteString digestOf(SectionViolation violation) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(violation.getPreviousDigest().toByteArray());
            sha.update(CanonicalEncoding.of(violation, UNSIGNED));
            return ByteString.copyFrom(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /**
     * Verifies a chain from its genesis: the first violation must have sequence 1 and the genesis
     * digest as its previous, so that a chain with its beginning removed does not verify. Returns
     * the index of the first violation that does not verify, or -1 when the whole chain is intact.
     */
    public static int firstBroken(List<SectionViolation> chain) {
        return firstBroken(chain, 0, GENESIS);
    }

    /**
     * Verifies violations that must follow an anchor the verifier holds (the sequence and digest of
     * the last violation it accepted): the first must have sequence {@code anchorSequence + 1} and
     * {@code anchorDigest} as its previous, each next one follow it.
     */
    public static int firstBroken(List<SectionViolation> chain, long anchorSequence, ByteString anchorDigest) {
        ByteString expectedPrevious = anchorDigest;
        for (int i = 0; i < chain.size(); i++) {
            SectionViolation v = chain.get(i);
            boolean inSequence = v.getSequence() == anchorSequence + 1 + i;
            if (!inSequence || !v.getPreviousDigest().equals(expectedPrevious) || !digestOf(v).equals(v.getDigest())) {
                return i;
            }
            expectedPrevious = v.getDigest();
        }
        return -1;
    }
}
