package org.anpr.device.coap.dtls;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;

/** Builds the Scandium (DTLS 1.2, PSK) CoAP endpoints used by the management server and client. */
public final class DtlsEndpoints {

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    /**
     * AEAD PSK suites only; the ECDHE variants give forward secrecy, the plain-PSK CCM_8 one is
     * the CoAP mandatory-to-implement suite (RFC 7252) for older technician tools.
     */
    static final List<CipherSuite> PSK_SUITES = List.of(
            CipherSuite.TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_PSK_WITH_AES_128_CCM_8);

    /** Certificate suites (EC keys), used when X.509 credentials are configured. */
    static final List<CipherSuite> CERTIFICATE_SUITES = List.of(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8);

    private DtlsEndpoints() {
    }

    /** A fresh Californium configuration with the CoAP, UDP and DTLS modules at their defaults. */
    public static Configuration configuration() {
        return Configuration.createStandardWithoutFile();
    }

    /**
     * Server endpoint accepting any of the given PSK credentials and, if {@code x509} is not null,
     * clients with a certificate trusted by it (mutual authentication).
     */
    public static CoapEndpoint server(InetSocketAddress bind, Collection<PskCredential> accepted,
                                      X509Credentials x509, Configuration cfg) {
        if (accepted.isEmpty() && x509 == null) {
            throw new IllegalArgumentException("accepted credentials must not be empty without X.509 credentials");
        }
        DtlsConnectorConfig.Builder b = DtlsConnectorConfig.builder(cfg)
                .setAddress(bind)
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        List<CipherSuite> suites = new ArrayList<>();
        if (!accepted.isEmpty()) {
            AdvancedMultiPskStore store = new AdvancedMultiPskStore();
            accepted.forEach(c -> store.setKey(c.identity(), c.key()));
            b.setAdvancedPskStore(store);
            suites.addAll(PSK_SUITES);
        }
        if (x509 != null) {
            certificates(b, x509);
            b.set(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE, CertificateAuthenticationMode.NEEDED);
            suites.addAll(CERTIFICATE_SUITES);
        }
        b.set(DtlsConfig.DTLS_CIPHER_SUITES, suites);
        return endpoint(b.build(), cfg);
    }

    /**
     * Client endpoint on an ephemeral port presenting a PSK.
     *
     * @param handshakeRetransmission initial DTLS retransmission timeout; with a wrong key the
     *                                handshake only fails after the retransmissions run out
     */
    public static CoapEndpoint client(PskCredential credential, Configuration cfg,
                                      Duration handshakeRetransmission, int maxRetransmissions) {
        DtlsConnectorConfig.Builder b = clientBuilder(cfg, handshakeRetransmission, maxRetransmissions)
                .set(DtlsConfig.DTLS_CIPHER_SUITES, PSK_SUITES)
                .setAdvancedPskStore(new AdvancedSinglePskStore(credential.identity(), credential.key()));
        return endpoint(b.build(), cfg);
    }

    /** Client endpoint on an ephemeral port presenting a certificate. */
    public static CoapEndpoint client(X509Credentials credential, Configuration cfg,
                                      Duration handshakeRetransmission, int maxRetransmissions) {
        DtlsConnectorConfig.Builder b = clientBuilder(cfg, handshakeRetransmission, maxRetransmissions)
                .set(DtlsConfig.DTLS_CIPHER_SUITES, CERTIFICATE_SUITES);
        certificates(b, credential);
        return endpoint(b.build(), cfg);
    }

    private static DtlsConnectorConfig.Builder clientBuilder(Configuration cfg, Duration retransmission,
                                                             int maxRetransmissions) {
        return DtlsConnectorConfig.builder(cfg)
                .setAddress(new InetSocketAddress(0))
                .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                .set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, retransmission.toMillis(), TimeUnit.MILLISECONDS)
                .set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, maxRetransmissions);
    }

    private static void certificates(DtlsConnectorConfig.Builder b, X509Credentials x509) {
        b.setCertificateIdentityProvider(new SingleCertificateProvider(x509.privateKey(),
                x509.chain().toArray(new X509Certificate[0]), CertificateType.X_509));
        b.setAdvancedCertificateVerifier(StaticNewAdvancedCertificateVerifier.builder()
                .setTrustedCertificates(x509.trusted().toArray(new X509Certificate[0]))
                .build());
    }

    private static CoapEndpoint endpoint(DtlsConnectorConfig dtls, Configuration cfg) {
        return new CoapEndpoint.Builder()
                .setConfiguration(cfg)
                .setConnector(new DTLSConnector(dtls))
                .build();
    }
}
