package org.anpr.provision.profile;

/**
 * The central broker the gantry reports to ({@code mqtt:}). Credentials are references to files
 * (on the technician's laptop, resolved when the profile is rendered), never the secrets.
 *
 * @param serverUri    {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId     MQTT client id; default the gantry id
 * @param username     broker user, or null for none
 * @param passwordFile file holding the broker password; required with {@code username}
 * @param tls          trust and key stores for {@code ssl://}, or null
 */
public record MqttEndpoint(String serverUri, String clientId, String username, String passwordFile, TlsFiles tls) {

    /**
     * TLS material as file references ({@code mqtt.tls:}).
     *
     * @param trustStore             PKCS#12 with the CA that signed the broker's certificate
     * @param trustStorePasswordFile file holding its password, or null
     * @param keyStore               PKCS#12 with this gantry's client certificate, or null
     * @param keyStorePasswordFile   file holding its password, or null
     */
    public record TlsFiles(String trustStore, String trustStorePasswordFile, String keyStore, String keyStorePasswordFile) {
    }
}
