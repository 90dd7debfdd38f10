package org.anpr.device.coap.dtls;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An X.509 identity (EC key, certificate chain) and the certificates this side trusts for its
 * peers: issuing CAs, or pinned self-signed peer certificates.
 */
public record X509Credentials(PrivateKey privateKey, List<X509Certificate> chain, List<X509Certificate> trusted) {

    public X509Credentials {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        trusted = List.copyOf(trusted);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("chain must hold at least the own certificate");
        }
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("trusted must not be empty: with no trust anchor no peer can connect");
        }
        if (!"EC".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("privateKey must be an EC key (ECDSA cipher suites), was "
                    + privateKey.getAlgorithm());
        }
    }

    /** Loads the key and chain under {@code alias} from a PKCS#12 keystore. */
    public static X509Credentials fromPkcs12(InputStream p12, char[] password, String alias,
                                             List<X509Certificate> trusted) throws IOException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(p12, password);
            if (!(ks.getKey(alias, password) instanceof PrivateKey key)) {
                throw new IOException("no private key under alias " + alias);
            }
            Certificate[] chain = ks.getCertificateChain(alias);
            List<X509Certificate> x509 = Arrays.stream(chain).map(X509Certificate.class::cast).toList();
            return new X509Credentials(key, x509, trusted);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load PKCS#12 alias " + alias + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "X509Credentials[" + chain.get(0).getSubjectX500Principal() + "]"; // never the key
    }
}
