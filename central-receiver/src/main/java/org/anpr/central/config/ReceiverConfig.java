package org.anpr.central.config;

/** Everything the central receiver is configured with; {@link #DEFAULTS} are the embedded defaults. */
public record ReceiverConfig(MqttConfig mqtt, TlsConfig tls, AuthConfig auth, StoreConfig store, HotlistConfig hotlist,
                             RetentionConfig retention, HttpConfig http) {
    public static final ReceiverConfig DEFAULTS = new ReceiverConfig(
            MqttConfig.DEFAULTS, TlsConfig.DEFAULTS, AuthConfig.DEFAULTS, StoreConfig.DEFAULTS, HotlistConfig.DEFAULTS, RetentionConfig.DEFAULTS,
            HttpConfig.DEFAULTS);

    public ReceiverConfig withMqtt(MqttConfig m) {
        return new ReceiverConfig(m, tls, auth, store, hotlist, retention, http);
    }

    public ReceiverConfig withAuth(AuthConfig a) {
        return new ReceiverConfig(mqtt, tls, a, store, hotlist, retention, http);
    }

    public ReceiverConfig withStore(StoreConfig s) {
        return new ReceiverConfig(mqtt, tls, auth, s, hotlist, retention, http);
    }

    public ReceiverConfig withRetention(RetentionConfig r) {
        return new ReceiverConfig(mqtt, tls, auth, store, hotlist, r, http);
    }

    public ReceiverConfig withTls(TlsConfig t) {
        return new ReceiverConfig(mqtt, t, auth, store, hotlist, retention, http);
    }

    public ReceiverConfig withHttp(HttpConfig h) {
        return new ReceiverConfig(mqtt, tls, auth, store, hotlist, retention, h);
    }
}
