package org.anpr.protocol.evidence;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.anpr.protocol.v1.SectionViolation;

/**
 * The exit gantry's Ed25519 signature over a sealed violation's digest. The digest chain alone
 * can be recomputed by anyone who can write the gantry's database; the signature cannot without
 * the gantry's private key, and the centre, which holds only the public key, verifies it on ingest.
 * Keys travel as text: the private key as a PKCS#8 PEM file on the gantry, the public key as one
 * Base64 line (X.509 SubjectPublicKeyInfo) in the centre's file of gantry keys.
 */
public final class ViolationSignature {
    private static final String ALGORITHM = "Ed25519";

    private ViolationSignature() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
        }
    }

    /** {@code violation} (sealed) with its signature set. */
    public static SectionViolation sign(SectionViolation violation, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(violation.getDigest().toByteArray());
            return violation.toBuilder().setSignature(ByteString.copyFrom(s.sign())).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** Whether the signature is {@code key}'s over the digest, and the digest that of the violation. */
    public static boolean verify(SectionViolation violation, PublicKey key) {
        if (violation.getSignature().isEmpty() || !ViolationChain.digestOf(violation).equals(violation.getDigest())) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(violation.getDigest().toByteArray());
            return s.verify(violation.getSignature().toByteArray());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static String privateKeyPem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    /** @throws IllegalArgumentException when {@code pem} is not an Ed25519 PKCS#8 private key */
    public static PrivateKey privateKey(String pem) {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 PEM (-----BEGIN PRIVATE KEY-----)", e);
        }
    }

    public static String publicKeyText(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** @throws IllegalArgumentException when {@code base64} is not an Ed25519 public key */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (Base64 of its X.509 SubjectPublicKeyInfo)", e);
        }
    }
}
