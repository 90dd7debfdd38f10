package org.anpr.provision.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Key material for a gantry's management channel (CoAP over DTLS): a pre-shared key, or an EC
 * key pair with a certificate signing request for the network's CA. Everything comes from the
 * platform's strong {@link SecureRandom}.
 */
public final class DeviceKeys {
    /** 256 bits; the DTLS PSK suites need at least 128 (device-drivers' {@code PskCredential}). */
    public static final int PSK_BYTES = 32;
    /** NIST P-256: the curve every DTLS 1.2 ECDSA stack (Californium's included) supports. */
    public static final String CURVE = "secp256r1";
    public static final String SIGNATURE = "SHA256withECDSA";

    /** A key pair and the PEM texts to store. */
    public record CertificateRequest(KeyPair keyPair, String privateKeyPem, String csrPem) {
    }

    private final SecureRandom random;

    public DeviceKeys(SecureRandom random) {
        this.random = random;
    }

    public static DeviceKeys strong() {
        try {
            return new DeviceKeys(SecureRandom.getInstanceStrong());
        } catch (GeneralSecurityException e) {
            return new DeviceKeys(new SecureRandom());
        }
    }

    /** A fresh PSK as the text its file holds: hex digits and a newline (what the renderer reads). */
    public String psk() {
        byte[] key = new byte[PSK_BYTES];
        random.nextBytes(key);
        return HexFormat.of().formatHex(key) + "\n";
    }

    /**
     * A P-256 key pair and a PKCS#10 request for it, subject {@code CN=gantryId, OU=organisationUnit}
     * (the unit may be null), signed with the key itself.
     */
    public CertificateRequest certificateRequest(String gantryId, String organisationUnit) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(CURVE), random);
            KeyPair pair = g.generateKeyPair();
            X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, gantryId);
            if (organisationUnit != null) {
                subject.addRDN(BCStyle.OU, organisationUnit);
            }
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(pair.getPrivate());
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(subject.build(), pair.getPublic())
                    .build(signer);
            return new CertificateRequest(pair, pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    pem("CERTIFICATE REQUEST", csr.getEncoded()));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot create an EC " + CURVE + " key pair and request: " + e, e);
        }
    }

    /** RFC 7468 text encoding: base64 in 64-character lines between the labels. */
    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
