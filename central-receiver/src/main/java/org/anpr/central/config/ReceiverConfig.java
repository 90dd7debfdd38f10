package org.anpr.central.config;

/** Everything the central receiver is configured with; {@link #DEFAULTS} are the embedded defaults. */
public record ReceiverConfig(MqttConfig mqtt, TlsConfig tls, AuthConfig auth, StoreConfig store, HotlistConfig hotlist,
                             RetentionConfig retention) {
    public static final ReceiverConfig DEFAULTS = new ReceiverConfig(
            MqttConfig.DEFAULTS, TlsConfig.DEFAULTS, AuthConfig.DEFAULTS, StoreConfig.DEFAULTS, HotlistConfig.DEFAULTS, RetentionConfig.DEFAULTS);

    public ReceiverConfig withMqtt(MqttConfig m) {
        return new ReceiverConfig(m, tls, auth, store, hotlist, retention);
    }

    public ReceiverConfig withAuth(AuthConfig a) {
        return new ReceiverConfig(mqtt, tls, a, store, hotlist, retention);
    }

    public ReceiverConfig withStore(StoreConfig s) {
        return new ReceiverConfig(mqtt, tls, auth, s, hotlist, retention);
    }

    public ReceiverConfig withRetention(RetentionConfig r) {
        return new ReceiverConfig(mqtt, tls, auth, store, hotlist, r);
    }

    public ReceiverConfig withTls(TlsConfig t) {
        return new ReceiverConfig(mqtt, t, auth, store, hotlist, retention);
    }
}
