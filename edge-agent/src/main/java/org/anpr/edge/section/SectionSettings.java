package org.anpr.edge.section;

import java.time.Duration;

/**
 * Rules shared by every section of a gantry.
 *
 * @param minConfidence   both reads need at least this OCR confidence for a violation (default 0.8)
 * @param clockBoundMicros both clocks must be SYNCHRONISED with an estimated error at most this
 *                        (default 100 ms)
 * @param passageTtl      unmatched passages are deleted after this (default 24 h, at most 72 h)
 * @param signingKey      the gantry's Ed25519 key that signs each sealed violation's digest
 *                        ({@code sectionRules.signingKeyFile}); null: violations go unsigned
 */
public record SectionSettings(double minConfidence, long clockBoundMicros, Duration passageTtl, java.security.PrivateKey signingKey) {
    public static final Duration MAX_TTL = Duration.ofHours(72);
    public static final SectionSettings DEFAULTS = new SectionSettings(0.8, 100_000, Duration.ofHours(24));

    /** Without a signing key. */
    public SectionSettings(double minConfidence, long clockBoundMicros, Duration passageTtl) {
        this(minConfidence, clockBoundMicros, passageTtl, null);
    }

    @Override
    public String toString() { // never the key in a log
        return "SectionSettings[minConfidence=" + minConfidence + ", clockBoundMicros=" + clockBoundMicros + ", passageTtl=" + passageTtl
                + ", signingKey=" + (signingKey == null ? "none" : "set") + "]";
    }

    public SectionSettings {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be within 0..1, was " + minConfidence);
        }
        if (clockBoundMicros <= 0) {
            throw new IllegalArgumentException("clockBoundMicros must be > 0, was " + clockBoundMicros);
        }
        if (passageTtl.isNegative() || passageTtl.isZero() || passageTtl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("passageTtl must be within (0, 72h], was " + passageTtl);
        }
    }
}
