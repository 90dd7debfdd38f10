package org.anpr.central.config;

import java.nio.file.Path;

/**
 * The TLS listener (off unless {@code enabled}).
 *
 * @param enabled            open the TLS listener (default false)
 * @param port               its port; 0 picks a free one (default 8883)
 * @param keyStore           PKCS#12 file with the server's key and certificate chain
 * @param keyStorePassword   its password
 * @param trustStore         PKCS#12 file with the CA(s) that sign gantry certificates; needed for mTLS
 * @param trustStorePassword its password
 * @param clientAuth         {@code none}, {@code optional} (default: a certificate or a password) or
 *                           {@code require} (mTLS only); a certificate's CN is the gantry id
 * @param plaintext          keep the plain listener on {@code mqtt.port} open too (default true;
 *                           set false in production once every gantry has moved to TLS)
 * @param crlFile            X.509 CRL file (PEM or DER) of revoked gantry certificates, signed by a
 *                           CA of the trust store (default none); re-read on change like the
 *                           credentials file, and the connections of newly revoked certificates closed
 */
public record TlsConfig(boolean enabled, int port, Path keyStore, String keyStorePassword, Path trustStore,
                        String trustStorePassword, String clientAuth, boolean plaintext, Path crlFile) {
    public static final TlsConfig DEFAULTS = new TlsConfig(false, 8883, null, "", null, "", "optional", true, null);

    /** Without a CRL. */
    public TlsConfig(boolean enabled, int port, Path keyStore, String keyStorePassword, Path trustStore,
                     String trustStorePassword, String clientAuth, boolean plaintext) {
        this(enabled, port, keyStore, keyStorePassword, trustStore, trustStorePassword, clientAuth, plaintext, null);
    }

    public TlsConfig withCrlFile(Path crl) {
        return new TlsConfig(enabled, port, keyStore, keyStorePassword, trustStore, trustStorePassword, clientAuth, plaintext, crl);
    }
}
