package org.anpr.protocol.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.anpr.protocol.v1.Image;
import org.anpr.protocol.v1.ImageFormat;
import org.anpr.protocol.v1.PlateRead;
import org.anpr.protocol.v1.SectionViolation;
import org.anpr.protocol.v1.CaptureTime;
import org.anpr.protocol.v1.ViolationOutcome;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 3b: the digest is over a canonical encoding (not protobuf's bytes), a chain
 * verifies only from its genesis or a held anchor, and the exit gantry's Ed25519 signature over
 * the digest is what a forger with the gantry's database cannot recompute.
 */
class ViolationEvidenceTest {
    /** Every field set by hand: nothing random, nothing from an encoder that could change. */
    private static SectionViolation fixed() {
        PlateRead entry = PlateRead.newBuilder().setReadId(ByteString.copyFrom(new byte[16])).setGantryId("A2-N-km40")
                .setPlateText("12ABC3").setCountry("BE").setConfidence(0.93f)
                .setCaptureTime(CaptureTime.newBuilder().setEpochMicros(1_795_000_000_000_000L))
                .setPlateCrop(Image.newBuilder().setFormat(ImageFormat.IMAGE_FORMAT_JPEG).setWidth(4).setHeight(2)
                        .setData(ByteString.copyFrom(new byte[] {1, 2, 3, 4})))
                .build();
        PlateRead exit = entry.toBuilder().setGantryId("A2-N-km52")
                .setCaptureTime(CaptureTime.newBuilder().setEpochMicros(1_795_000_360_000_000L)).build();
        return SectionViolation.newBuilder().setViolationId(ByteString.copyFrom(new byte[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7}))
                .setSectionId("A2-km40-km52").setOutcome(ViolationOutcome.VIOLATION_OUTCOME_VIOLATION).setEntryRead(entry).setExitRead(exit)
                .setDistanceM(12_000).setDistanceUncertaintyM(2).setConservativeElapsedMicros(360_004_000L).setMeasuredSpeedKmh(120)
                .setConservativeSpeedKmh(119.9).setSpeedLimitKmh(100).setMarginKmh(3).setEnforcedSpeedKmh(116.9).setMarginRule("NL")
                .build();
    }

    @Test
    void theDigestOfAFixedViolationNeverChanges() {
        SectionViolation sealed = ViolationChain.seal(fixed(), 1, ViolationChain.GENESIS);
        // Golden value: if this changes, every chain sealed before no longer verifies. Change the
        // encoding only with a new chain format, never in place.
        assertEquals("f91cb43ebfaea8821b145b26e4aa7b4f5775bec5b09e5fdfe8e3c87cb73c26fd", HexFormat.of().formatHex(sealed.getDigest().toByteArray()));
    }

    @Test
    void theDigestIgnoresHowProtobufSerialisedTheMessage() throws Exception {
        SectionViolation sealed = ViolationChain.seal(fixed(), 1, ViolationChain.GENESIS);
        // the same message with an unknown field (a newer schema's) and re-parsed: protobuf's bytes differ, the digest does not
        SectionViolation withUnknown = sealed.toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                .addField(999, UnknownFieldSet.Field.newBuilder().addVarint(42).build()).build()).build();
        SectionViolation reparsed = SectionViolation.parseFrom(withUnknown.toByteArray());
        assertFalse(java.util.Arrays.equals(sealed.toByteArray(), reparsed.toByteArray()));
        assertEquals(sealed.getDigest(), ViolationChain.digestOf(reparsed));
        assertArrayEquals(CanonicalEncoding.of(sealed, Set.of()), CanonicalEncoding.of(reparsed, Set.of()));
    }

    @Test
    void aChainWithItsBeginningRemovedDoesNotVerifyFromGenesisButFromItsAnchor() {
        List<SectionViolation> chain = new ArrayList<>();
        ByteString previous = ViolationChain.GENESIS;
        for (int i = 1; i <= 4; i++) {
            SectionViolation v = ViolationChain.seal(fixed().toBuilder().setMeasuredSpeedKmh(110 + i).build(), i, previous);
            chain.add(v);
            previous = v.getDigest();
        }
        assertEquals(-1, ViolationChain.firstBroken(chain));
        List<SectionViolation> tail = chain.subList(2, 4);
        assertEquals(0, ViolationChain.firstBroken(tail), "two violations removed from the front went unnoticed");
        assertEquals(-1, ViolationChain.firstBroken(tail, 2, chain.get(1).getDigest()), "from the anchor the verifier holds it verifies");
        assertEquals(0, ViolationChain.firstBroken(tail, 1, chain.get(0).getDigest()), "one missing after the anchor");
    }

    @Test
    void theSignatureIsTheExitGantrysAndCoversTheDigest() {
        KeyPair gantry = ViolationSignature.generate();
        KeyPair forger = ViolationSignature.generate();
        SectionViolation signed = ViolationSignature.sign(ViolationChain.seal(fixed(), 1, ViolationChain.GENESIS), gantry.getPrivate());
        assertEquals(64, signed.getSignature().size());
        assertEquals(ViolationChain.digestOf(signed), signed.getDigest(), "the signature is not part of the digest");
        assertTrue(ViolationSignature.verify(signed, gantry.getPublic()));
        assertFalse(ViolationSignature.verify(signed, forger.getPublic()), "another key's");
        // a forger who can write the database re-seals an altered violation: the digest is right, the signature is not
        SectionViolation resealed = ViolationChain.seal(signed.toBuilder().setEnforcedSpeedKmh(150).build(), 1, ViolationChain.GENESIS)
                .toBuilder().setSignature(signed.getSignature()).build();
        assertFalse(ViolationSignature.verify(resealed, gantry.getPublic()));
        assertFalse(ViolationSignature.verify(ViolationSignature.sign(resealed, forger.getPrivate()), gantry.getPublic()));
        assertFalse(ViolationSignature.verify(signed.toBuilder().clearSignature().build(), gantry.getPublic()), "unsigned");
        // the keys as the files hold them
        assertTrue(ViolationSignature.verify(ViolationSignature.sign(signed, ViolationSignature.privateKey(
                ViolationSignature.privateKeyPem(gantry.getPrivate()))), ViolationSignature.publicKey(
                ViolationSignature.publicKeyText(gantry.getPublic()))));
        assertThrows(IllegalArgumentException.class, () -> ViolationSignature.publicKey("not a key"));
        assertThrows(IllegalArgumentException.class, () -> ViolationSignature.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"));
    }
}
