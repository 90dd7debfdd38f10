package org.anpr.central.violation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.anpr.protocol.evidence.ViolationSignature;
import org.anpr.protocol.v1.SectionViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the centre checks of a violation's evidence as it arrives: the exit gantry's Ed25519
 * signature over a digest that verifies ({@code sections.signingKeysFile}, required for every
 * gantry with {@code sections.requireSignatures}), and — anchoring each gantry's chain at the
 * centre — that it follows the last one accepted from that gantry (its anchor, taken from the store at
 * start; a gap, a broken link or a fork is counted and logged, and the stored chain check of the
 * operators' API shows it for good).
 */
public final class ViolationEvidence {
    private static final Logger LOG = LoggerFactory.getLogger(ViolationEvidence.class);

    /** The last violation accepted from a gantry. */
    private record Anchor(long sequence, com.google.protobuf.ByteString digest) {
    }

    private final Map<String, PublicKey> keys;
    private final boolean requireSignatures;
    /** Keyed by authenticated gantry id: bounded by the credentials file. */
    private final Map<String, Anchor> anchors = new ConcurrentHashMap<>();

    private ViolationEvidence(Map<String, PublicKey> keys, boolean requireSignatures) {
        this.keys = Map.copyOf(keys);
        this.requireSignatures = requireSignatures;
    }

    public static final ViolationEvidence NONE = new ViolationEvidence(Map.of(), false);

    /**
     * @param file null for no keys
     * @throws IOException naming the file and each bad line
     */
    public static ViolationEvidence load(Path file, boolean requireSignatures) throws IOException {
        Map<String, PublicKey> keys = file == null ? Map.of() : org.anpr.central.auth.GantryLines.parse(file,
                Files.readAllLines(file, StandardCharsets.UTF_8), "signing keys file (sections.signingKeysFile)",
                (id, key) -> ViolationSignature.publicKey(key));
        return new ViolationEvidence(keys, requireSignatures);
    }

    /** Starts each gantry's anchor where its stored chain stands, so that a restart of the centre forgets nothing. */
    public void anchor(Map<String, SectionViolation> latest) {
        latest.forEach((g, v) -> anchors.merge(g, new Anchor(v.getSequence(), v.getDigest()),
                (a, b) -> a.sequence() >= b.sequence() ? a : b));
    }

    /** Why {@code exitGantry}'s violation is refused as evidence, or null when it is accepted. */
    public String refusal(String exitGantry, SectionViolation v) {
        PublicKey key = keys.get(exitGantry);
        if (key == null) {
            return requireSignatures ? "violation of gantry " + exitGantry + " with no signing key known here "
                    + "(sections.requireSignatures: add its key to sections.signingKeysFile)" : null;
        }
        if (!ViolationSignature.verify(v, key)) {
            return v.getSignature().isEmpty() ? "violation of gantry " + exitGantry + " is not signed, though its signing key is known"
                    : "violation of gantry " + exitGantry + " (sequence " + v.getSequence() + "): its signature or its digest does not verify";
        }
        return null;
    }

    /**
     * Whether the violation follows the last one accepted from the gantry (a redelivery of one
     * already seen does too); logs what does not: a gap, a broken link, or a fork (another violation
     * under a sequence already taken).
     */
    public boolean follows(String exitGantry, SectionViolation v) {
        boolean[] linked = {true};
        anchors.compute(exitGantry, (g, last) -> {
            if (last == null) {
                return new Anchor(v.getSequence(), v.getDigest());
            }
            if (v.getSequence() <= last.sequence()) {
                if (v.getSequence() == last.sequence() && !v.getDigest().equals(last.digest())) {
                    linked[0] = false;
                    LOG.warn("gantry {}: a second, different violation with sequence {} (a fork of its chain)", exitGantry, v.getSequence());
                }
                return last; // a redelivery
            }
            if (v.getSequence() != last.sequence() + 1 || !v.getPreviousDigest().equals(last.digest())) {
                linked[0] = false;
                LOG.warn("gantry {}: violation sequence {} does not follow {} (a gap or a broken link in its chain)", exitGantry,
                        v.getSequence(), last.sequence());
            }
            return new Anchor(v.getSequence(), v.getDigest());
        });
        return linked[0];
    }

    public int keyCount() {
        return keys.size();
    }
}
