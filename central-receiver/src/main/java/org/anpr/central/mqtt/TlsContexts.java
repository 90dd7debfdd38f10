package org.anpr.central.mqtt;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import org.anpr.central.config.TlsConfig;

/** The server's TLS context from PKCS#12 stores, and the gantry id from a client certificate. */
public final class TlsContexts {
    private TlsContexts() {
    }

    public static SslContext server(TlsConfig tls) throws IOException, GeneralSecurityException {
        SslContextBuilder b = forServer(tls);
        if (!tls.clientAuth().equals("none")) {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(tls.trustStore(), tls.trustStorePassword()));
            b.trustManager(tmf).clientAuth(tls.clientAuth().equals("require") ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
        }
        return b.build();
    }

    /** The operators' HTTPS context: the same key store as MQTT, no client certificates (browsers). */
    public static SslContext https(TlsConfig tls) throws IOException, GeneralSecurityException {
        return forServer(tls).build();
    }

    private static SslContextBuilder forServer(TlsConfig tls) throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(tls.keyStore(), tls.keyStorePassword()), tls.keyStorePassword().toCharArray());
        return SslContextBuilder.forServer(kmf).sslProvider(SslProvider.JDK).protocols("TLSv1.3", "TLSv1.2");
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    /** The CAs of the trust store (empty without one): they sign gantry certificates and CRLs. */
    public static List<X509Certificate> trustedCertificates(TlsConfig tls) throws IOException, GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        if (tls.trustStore() == null) {
            return out;
        }
        KeyStore ks = load(tls.trustStore(), tls.trustStorePassword());
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.getCertificate(alias) instanceof X509Certificate c) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The verified client certificate on this connection, or null when there is no TLS or the
     * client sent none. The trust manager has already checked the chain.
     */
    static X509Certificate peerCertificate(SslHandler ssl) {
        if (ssl == null) {
            return null;
        }
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate cert ? cert : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** A certificate's CN, the gantry id it speaks for; null without one. */
    static String gantryId(X509Certificate cert) {
        if (cert == null) {
            return null;
        }
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
