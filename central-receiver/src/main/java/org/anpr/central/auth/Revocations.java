package org.anpr.central.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Revoked gantry certificates, from X.509 CRLs (PEM or DER, one file, several CRLs allowed) that
 * must each be signed by a CA of the trust store: a CRL nobody trusted signed could revoke at will,
 * or, replaced by an empty one, un-revoke. Checked at CONNECT and, after every reload, against the
 * connections already open, so that revoking a certificate needs no restart.
 */
public final class Revocations {
    public static final Revocations NONE = new Revocations(Set.of(), 0);

    /** issuer DN (RFC 2253) + "#" + serial in hex. */
    private final Set<String> revoked;
    private final int crls;

    private Revocations(Set<String> revoked, int crls) {
        this.revoked = Set.copyOf(revoked);
        this.crls = crls;
    }

    /**
     * Loads and verifies {@code file}.
     *
     * @param cas the trust store's certificates; each CRL's issuer must be one of them and have signed it
     * @throws IOException naming the file and what is wrong with it
     */
    public static Revocations load(Path file, List<X509Certificate> cas) throws IOException {
        Collection<? extends CRL> all;
        try (InputStream in = Files.newInputStream(file)) {
            all = CertificateFactory.getInstance("X.509").generateCRLs(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + ": no such file (tls.crlFile)", e);
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not an X.509 CRL file (PEM or DER): " + e.getMessage(), e);
        }
        if (all.isEmpty()) {
            throw new IOException(file + ": holds no CRL");
        }
        Set<String> revoked = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (CRL c : all) {
            X509CRL crl = (X509CRL) c;
            String issuer = crl.getIssuerX500Principal().getName();
            X509Certificate ca = cas.stream().filter(x -> x.getSubjectX500Principal().equals(crl.getIssuerX500Principal()))
                    .findFirst().orElse(null);
            if (ca == null) {
                problems.add("CRL of '" + issuer + "': no CA of that name in the trust store");
                continue;
            }
            try {
                crl.verify(ca.getPublicKey());
            } catch (GeneralSecurityException e) {
                problems.add("CRL of '" + issuer + "': its signature does not verify with that CA (" + e.getMessage() + ")");
                continue;
            }
            Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
            if (entries != null) {
                for (X509CRLEntry e : entries) {
                    revoked.add(key(issuer, e.getSerialNumber().toString(16)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(file + ": " + String.join("; ", problems));
        }
        return new Revocations(revoked, all.size());
    }

    private static String key(String issuerDn, String serialHex) {
        return issuerDn + "#" + serialHex;
    }

    public boolean isRevoked(X509Certificate cert) {
        return revoked.contains(key(cert.getIssuerX500Principal().getName(), cert.getSerialNumber().toString(16)));
    }

    /** Certificates revoked, over all CRLs. */
    public int size() {
        return revoked.size();
    }

    public int crls() {
        return crls;
    }
}
